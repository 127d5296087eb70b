/** Malay (Bahasa Melayu). */
import type { Catalogue } from './types';

const SUPPORT = 'Jika ini bukan anda, hubungi sokongan dengan segera.';

export const ms: Catalogue = {
  locale: 'ms',
  name: 'Bahasa Melayu',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} ialah kod log masuk[ {name}] anda.',
      subject: 'Kod log masuk[ {name}] anda',
      email: 'Kod log masuk[ {name}] anda ialah:',
      voice: 'Kod log masuk anda ialah:',
    },
    sensitive_action: {
      sms: '{code} ialah kod untuk mengesahkan tindakan ini[ di {name}].',
      subject: 'Kod pengesahan tindakan[ di {name}]',
      email: 'Kod untuk mengesahkan tindakan ini[ di {name}] ialah:',
      voice: 'Kod untuk mengesahkan tindakan ini ialah:',
    },
    enroll: {
      sms: '{code} ialah kod untuk mengesahkan nombor ini[ di {name}].',
      subject: 'Sahkan alamat e-mel anda[ di {name}]',
      email: 'Kod untuk mengesahkan alamat e-mel ini[ di {name}] ialah:',
      voice: 'Kod untuk mengesahkan nombor ini ialah:',
    },
    delivery: {
      sms: '{code} ialah kod penghantaran anda[ daripada {name}].',
      subject: 'Kod penghantaran anda[ daripada {name}]',
      email: 'Kod penghantaran anda[ daripada {name}] ialah:',
      voice: 'Kod penghantaran anda ialah:',
    },
    other: {
      sms: '{code} ialah kod pengesahan[ {name}] anda.',
      subject: 'Kod pengesahan[ {name}] anda',
      email: 'Kod pengesahan[ {name}] anda ialah:',
      voice: 'Kod pengesahan anda ialah:',
    },
  },
  code: {
    smsValidity: 'Sah selama {duration}.',
    smsWarning: 'Kami tidak akan menelefon atau menghantar mesej untuk memintanya.',
    smsWarningShort: 'Kami tidak pernah memintanya.',
    smsShort: 'Kod {code}, sah {duration}.',
    validity: 'Kod ini sah selama {duration}.',
    advice: 'Jangan kongsikan dengan sesiapa.',
    courierAdvice: 'Beri hanya kepada kurier di pintu anda.',
    emailWarning: 'Kami tidak akan menelefon, menghantar SMS atau e-mel untuk meminta kod ini.',
    voiceWarning: 'Kami tidak akan menelefon atau menghantar mesej untuk meminta kod ini.',
    ignore:
      'Tidak meminta kod ini? Abaikan sahaja e-mel ini: tiada sesiapa boleh menggunakannya tanpa akses ke peti masuk anda.',
    reportPrompt: 'Tidak meminta kod ini?',
    reportLink: 'Laporkan',
    greeting: 'Helo.',
    thisIs: 'Ini panggilan daripada {name}.',
    again: 'Sekali lagi, kod anda ialah:',
    goodbye: 'Terima kasih.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'Cara baharu menerima kod telah ditambah',
        event: 'Cara baharu menerima kod telah ditambah pada akaun anda',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'Cara baharu menerima kod kini aktif',
        event: 'Cara baharu menerima kod kini aktif pada akaun anda',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'Satu cara menerima kod telah dibuang',
        event: 'Satu cara menerima kod telah dibuang daripada akaun anda',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Akaun anda dikunci buat sementara',
        event: 'Akaun anda dikunci seketika selepas terlalu banyak kod salah',
        advice: 'Jika ini bukan anda, mungkin ada orang cuba masuk: hubungi sokongan.',
      },
      hard_locked: {
        subject: 'Akaun anda dikunci',
        event: 'Akaun anda dikunci selepas terlalu banyak kod salah',
        advice: 'Hubungi sokongan untuk membukanya.',
      },
      recovery_code_used: {
        subject: 'Kod pemulihan telah digunakan',
        event: 'Kod pemulihan telah digunakan untuk log masuk ke akaun anda',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Kod pemulihan baharu telah dicipta',
        event: 'Kod pemulihan baharu telah dicipta untuk akaun anda; kod lama tidak lagi sah',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Anda melaporkan kod yang tidak anda minta',
        event: 'Kami membatalkan kod yang anda laporkan dan melog keluar peranti yang diingati',
        advice: 'Jika berlaku lagi, hubungi sokongan.',
      },
      contact_changed: {
        subject: 'Butiran hubungan anda telah berubah',
        event: 'Butiran hubungan akaun anda telah berubah',
        advice: SUPPORT,
      },
    },
    warning: 'Kami tidak akan menelefon atau menghantar mesej untuk meminta kod.',
    origin: 'Ini ialah notis keselamatan[ daripada {name}].',
  },
};
