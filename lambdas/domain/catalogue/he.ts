/** Hebrew, right to left. */
import type { Catalogue } from './types';

const SUPPORT = 'אם זה לא היית אתה, פנה מיד לתמיכה.';

export const he: Catalogue = {
  locale: 'he',
  name: 'עברית',
  dir: 'rtl',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} הוא קוד הכניסה שלך[ ל-{name}].',
      subject: 'קוד הכניסה שלך[ ל-{name}]',
      email: 'קוד הכניסה שלך[ ל-{name}] הוא:',
      voice: 'קוד הכניסה שלך הוא:',
    },
    sensitive_action: {
      sms: '{code} הוא הקוד לאישור הפעולה[ ב-{name}].',
      subject: 'הקוד לאישור הפעולה[ ב-{name}]',
      email: 'הקוד לאישור הפעולה[ ב-{name}] הוא:',
      voice: 'הקוד לאישור הפעולה הוא:',
    },
    enroll: {
      sms: '{code} הוא הקוד לאימות המספר[ ב-{name}].',
      subject: 'אימות כתובת הדוא״ל שלך[ ב-{name}]',
      email: 'הקוד לאימות כתובת הדוא״ל[ ב-{name}] הוא:',
      voice: 'הקוד לאימות המספר הוא:',
    },
    delivery: {
      sms: '{code} הוא הקוד למשלוח שלך[ מ-{name}].',
      subject: 'הקוד למשלוח שלך[ מ-{name}]',
      email: 'הקוד למשלוח שלך[ מ-{name}] הוא:',
      voice: 'הקוד למשלוח שלך הוא:',
    },
    other: {
      sms: '{code} הוא קוד האימות שלך[ ב-{name}].',
      subject: 'קוד האימות שלך[ ב-{name}]',
      email: 'קוד האימות שלך[ ב-{name}] הוא:',
      voice: 'קוד האימות שלך הוא:',
    },
  },
  code: {
    smsValidity: 'בתוקף {duration}.',
    smsWarning: 'לעולם לא נתקשר או נשלח הודעה כדי לבקש אותו.',
    smsWarningShort: 'לעולם לא נבקש אותו.',
    smsShort: 'קוד {code}, בתוקף {duration}.',
    validity: 'הקוד בתוקף למשך {duration}.',
    advice: 'אל תמסור אותו לאיש.',
    courierAdvice: 'מסור אותו רק לשליח שבדלת.',
    emailWarning: 'לעולם לא נתקשר, נשלח SMS או דוא״ל כדי לבקש את הקוד הזה.',
    voiceWarning: 'לעולם לא נתקשר או נשלח הודעה כדי לבקש את הקוד הזה.',
    ignore: 'לא ביקשת את הקוד? אפשר להתעלם מההודעה: בלי גישה לתיבת הדואר שלך אף אחד לא יכול להשתמש בו.',
    reportPrompt: 'לא ביקשת את הקוד?',
    reportLink: 'דווח לנו',
    greeting: 'שלום.',
    thisIs: 'מדברים מ-{name}.',
    again: 'שוב, הקוד שלך הוא:',
    goodbye: 'להתראות.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'נוספה דרך חדשה לקבלת קודים',
        event: 'נוספה לחשבון שלך דרך חדשה לקבלת קודים',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'דרך חדשה לקבלת קודים פעילה',
        event: 'דרך חדשה לקבלת קודים פעילה עכשיו בחשבון שלך',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'הוסרה דרך לקבלת קודים',
        event: 'הוסרה מהחשבון שלך דרך לקבלת קודים',
        advice: SUPPORT,
      },
      locked: {
        subject: 'החשבון שלך נעול זמנית',
        event: 'החשבון נעול לזמן מה אחרי יותר מדי קודים שגויים',
        advice: 'אם זה לא היית אתה, ייתכן שמישהו מנסה להיכנס: פנה לתמיכה.',
      },
      hard_locked: {
        subject: 'החשבון שלך נעול',
        event: 'החשבון נעול אחרי יותר מדי קודים שגויים',
        advice: 'פנה לתמיכה כדי לשחרר אותו.',
      },
      recovery_code_used: {
        subject: 'נעשה שימוש בקוד שחזור',
        event: 'נעשה שימוש בקוד שחזור לכניסה לחשבון שלך',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'נוצרו קודי שחזור חדשים',
        event: 'נוצרו קודי שחזור חדשים לחשבון; הישנים כבר לא פועלים',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'דיווחת על קוד שלא ביקשת',
        event: 'ביטלנו את הקוד שדיווחת עליו והוצאנו מהחשבון מכשירים שמורים',
        advice: 'אם זה יקרה שוב, פנה לתמיכה.',
      },
      contact_changed: {
        subject: 'פרטי הקשר שלך השתנו',
        event: 'פרטי הקשר של החשבון שלך השתנו',
        advice: SUPPORT,
      },
    },
    warning: 'לעולם לא נתקשר או נשלח הודעה כדי לבקש קוד.',
    origin: 'זוהי הודעת אבטחה[ מ-{name}].',
  },
};
