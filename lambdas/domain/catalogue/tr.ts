/** Turkish. The service name stands in brackets so it never needs a suffix. */
import type { Catalogue } from './types';

const SUPPORT = 'Bu siz değilseniz hemen destekle iletişime geçin.';

export const tr: Catalogue = {
  locale: 'tr',
  name: 'Türkçe',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} giriş kodunuzdur[ ({name})].',
      subject: 'Giriş kodunuz[ ({name})]',
      email: 'Giriş kodunuz[ ({name})]:',
      voice: 'Giriş kodunuz:',
    },
    sensitive_action: {
      sms: '{code} bu işlemi onaylama kodunuzdur[ ({name})].',
      subject: 'İşlem onay kodunuz[ ({name})]',
      email: 'Bu işlemi onaylama kodunuz[ ({name})]:',
      voice: 'Bu işlemi onaylama kodunuz:',
    },
    enroll: {
      sms: '{code} bu numarayı doğrulama kodunuzdur[ ({name})].',
      subject: 'E-posta adresinizi doğrulayın[ ({name})]',
      email: 'Bu e-posta adresini doğrulama kodunuz[ ({name})]:',
      voice: 'Bu numarayı doğrulama kodunuz:',
    },
    delivery: {
      sms: '{code} teslimat kodunuzdur[ ({name})].',
      subject: 'Teslimat kodunuz[ ({name})]',
      email: 'Teslimat kodunuz[ ({name})]:',
      voice: 'Teslimat kodunuz:',
    },
    other: {
      sms: '{code} doğrulama kodunuzdur[ ({name})].',
      subject: 'Doğrulama kodunuz[ ({name})]',
      email: 'Doğrulama kodunuz[ ({name})]:',
      voice: 'Doğrulama kodunuz:',
    },
  },
  code: {
    smsValidity: '{duration} geçerlidir.',
    smsWarning: 'Bu kodu istemek için sizi asla aramayız veya size yazmayız.',
    smsWarningShort: 'Kodu asla istemeyiz.',
    smsShort: 'Kod {code} ({duration}).',
    validity: 'Bu kod {duration} geçerlidir.',
    advice: 'Kimseyle paylaşmayın.',
    courierAdvice: 'Yalnızca kapınızdaki kuryeye söyleyin.',
    emailWarning: 'Bu kodu istemek için sizi asla aramayız, size SMS veya e-posta göndermeyiz.',
    voiceWarning: 'Bu kodu istemek için sizi asla aramayız veya size yazmayız.',
    ignore:
      'Bu kodu siz istemediniz mi? Bu e-postayı yok sayabilirsiniz: gelen kutunuza erişimi olmayan kimse onu kullanamaz.',
    reportPrompt: 'Bu kodu siz istemediniz mi?',
    reportLink: 'Bize bildirin',
    greeting: 'Merhaba.',
    thisIs: 'Arayan {name}.',
    again: 'Tekrar ediyorum, kodunuz:',
    goodbye: 'Hoşça kalın.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'Kod almak için yeni bir yöntem eklendi',
        event: 'Hesabınıza kod almak için yeni bir yöntem eklendi',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'Kod almak için yeni bir yöntem etkin',
        event: 'Hesabınızda kod almak için yeni bir yöntem artık etkin',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'Kod alma yöntemlerinden biri kaldırıldı',
        event: 'Hesabınızdan kod alma yöntemlerinden biri kaldırıldı',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Hesabınız geçici olarak kilitlendi',
        event: 'Çok fazla hatalı kod nedeniyle hesabınız bir süre kilitlendi',
        advice: 'Bu siz değilseniz biri girmeye çalışıyor olabilir: destekle iletişime geçin.',
      },
      hard_locked: {
        subject: 'Hesabınız kilitlendi',
        event: 'Çok fazla hatalı kod nedeniyle hesabınız kilitlendi',
        advice: 'Kilidi açmak için destekle iletişime geçin.',
      },
      recovery_code_used: {
        subject: 'Bir kurtarma kodu kullanıldı',
        event: 'Hesabınıza girmek için bir kurtarma kodu kullanıldı',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Yeni kurtarma kodları oluşturuldu',
        event: 'Hesabınız için yeni kurtarma kodları oluşturuldu; eskileri artık geçersiz',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'İstemediğiniz bir kodu bildirdiniz',
        event: 'Bildirdiğiniz kodu iptal ettik ve hatırlanan cihazlardan çıkış yaptık',
        advice: 'Tekrar olursa destekle iletişime geçin.',
      },
      contact_changed: {
        subject: 'İletişim bilgileriniz değişti',
        event: 'Hesabınızın iletişim bilgileri değişti',
        advice: SUPPORT,
      },
    },
    warning: 'Kod istemek için sizi asla aramayız veya size yazmayız.',
    origin: 'Bu bir güvenlik bildirimidir[ ({name})].',
  },
};
