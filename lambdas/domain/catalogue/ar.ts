/** Arabic (Modern Standard), right to left. */
import type { Catalogue } from './types';

const SUPPORT = 'إن لم تكن أنت، فتواصل مع الدعم فورًا.';

export const ar: Catalogue = {
  locale: 'ar',
  name: 'العربية',
  dir: 'rtl',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} هو رمز تسجيل الدخول[ إلى {name}].',
      subject: 'رمز تسجيل الدخول[ إلى {name}]',
      email: 'رمز تسجيل الدخول[ إلى {name}] هو:',
      voice: 'رمز تسجيل الدخول الخاص بك هو:',
    },
    sensitive_action: {
      sms: '{code} هو رمز تأكيد هذا الإجراء[ في {name}].',
      subject: 'رمز تأكيد الإجراء[ في {name}]',
      email: 'رمز تأكيد هذا الإجراء[ في {name}] هو:',
      voice: 'رمز تأكيد هذا الإجراء هو:',
    },
    enroll: {
      sms: '{code} هو رمز التحقق من هذا الرقم[ في {name}].',
      subject: 'تحقق من بريدك الإلكتروني[ في {name}]',
      email: 'رمز التحقق من عنوان البريد هذا[ في {name}] هو:',
      voice: 'رمز التحقق من هذا الرقم هو:',
    },
    delivery: {
      sms: '{code} هو رمز استلام طلبك[ من {name}].',
      subject: 'رمز استلام طلبك[ من {name}]',
      email: 'رمز استلام طلبك[ من {name}] هو:',
      voice: 'رمز استلام طلبك هو:',
    },
    other: {
      sms: '{code} هو رمز التحقق[ في {name}].',
      subject: 'رمز التحقق[ في {name}]',
      email: 'رمز التحقق الخاص بك[ في {name}] هو:',
      voice: 'رمز التحقق الخاص بك هو:',
    },
  },
  code: {
    // A colon keeps the duration in the nominative, which is what Intl writes (ساعتان, not ساعتين).
    smsValidity: 'الصلاحية: {duration}.',
    smsWarning: 'لن نتصل بك أو نراسلك أبدًا لطلبه.',
    smsWarningShort: 'لن نطلبه منك أبدًا.',
    smsShort: 'الرمز {code} ({duration}).',
    validity: 'مدة صلاحية هذا الرمز: {duration}.',
    advice: 'لا تشاركه مع أحد.',
    courierAdvice: 'شاركه فقط مع مندوب التوصيل عند بابك.',
    emailWarning: 'لن نتصل بك أو نرسل إليك رسالة نصية أو بريدًا إلكترونيًا أبدًا لطلب هذا الرمز.',
    voiceWarning: 'لن نتصل بك أو نراسلك أبدًا لطلب هذا الرمز.',
    ignore: 'لم تطلب هذا الرمز؟ يمكنك تجاهل هذه الرسالة: لا يمكن لأحد استخدامه دون الوصول إلى بريدك.',
    reportPrompt: 'لم تطلب هذا الرمز؟',
    reportLink: 'أبلغنا',
    greeting: 'مرحبًا.',
    thisIs: 'معك {name}.',
    again: 'مرة أخرى، رمزك هو:',
    goodbye: 'مع السلامة.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'تمت إضافة طريقة جديدة لتلقي الرموز',
        event: 'تمت إضافة طريقة جديدة لتلقي الرموز إلى حسابك',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'أصبحت طريقة جديدة لتلقي الرموز نشطة',
        event: 'أصبحت طريقة جديدة لتلقي الرموز نشطة في حسابك',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'تمت إزالة طريقة لتلقي الرموز',
        event: 'تمت إزالة طريقة لتلقي الرموز من حسابك',
        advice: SUPPORT,
      },
      locked: {
        subject: 'حسابك مقفل مؤقتًا',
        event: 'حسابك مقفل لبعض الوقت بعد رموز خاطئة كثيرة',
        advice: 'إن لم تكن أنت، فقد يحاول أحدهم الدخول: تواصل مع الدعم.',
      },
      hard_locked: {
        subject: 'حسابك مقفل',
        event: 'حسابك مقفل بعد رموز خاطئة كثيرة',
        advice: 'تواصل مع الدعم لفتحه.',
      },
      recovery_code_used: {
        subject: 'تم استخدام رمز استرداد',
        event: 'تم استخدام رمز استرداد لتسجيل الدخول إلى حسابك',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'تم إنشاء رموز استرداد جديدة',
        event: 'تم إنشاء رموز استرداد جديدة لحسابك؛ القديمة لم تعد تعمل',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'أبلغت عن رمز لم تطلبه',
        event: 'ألغينا الرمز الذي أبلغت عنه وسجّلنا الخروج من الأجهزة المحفوظة',
        advice: 'إن تكرر ذلك، فتواصل مع الدعم.',
      },
      contact_changed: {
        subject: 'تغيّرت بيانات الاتصال الخاصة بك',
        event: 'تغيّرت بيانات الاتصال لحسابك',
        advice: SUPPORT,
      },
    },
    warning: 'لن نتصل بك أو نراسلك أبدًا لطلب رمز.',
    origin: 'هذا إشعار أمني[ من {name}].',
  },
};
