/** Indonesian. */
import type { Catalogue } from './types';

const SUPPORT = 'Jika ini bukan Anda, segera hubungi dukungan.';

export const id: Catalogue = {
  locale: 'id',
  name: 'Bahasa Indonesia',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} adalah kode masuk[ {name}] Anda.',
      subject: 'Kode masuk[ {name}] Anda',
      email: 'Kode masuk[ {name}] Anda:',
      voice: 'Kode masuk Anda adalah:',
    },
    sensitive_action: {
      sms: '{code} adalah kode untuk mengonfirmasi tindakan ini[ di {name}].',
      subject: 'Kode konfirmasi tindakan[ di {name}]',
      email: 'Kode untuk mengonfirmasi tindakan ini[ di {name}]:',
      voice: 'Kode untuk mengonfirmasi tindakan ini adalah:',
    },
    enroll: {
      sms: '{code} adalah kode untuk memverifikasi nomor ini[ di {name}].',
      subject: 'Verifikasi alamat email Anda[ di {name}]',
      email: 'Kode untuk memverifikasi alamat email ini[ di {name}]:',
      voice: 'Kode untuk memverifikasi nomor ini adalah:',
    },
    delivery: {
      sms: '{code} adalah kode pengiriman Anda[ dari {name}].',
      subject: 'Kode pengiriman Anda[ dari {name}]',
      email: 'Kode pengiriman Anda[ dari {name}]:',
      voice: 'Kode pengiriman Anda adalah:',
    },
    other: {
      sms: '{code} adalah kode verifikasi[ {name}] Anda.',
      subject: 'Kode verifikasi[ {name}] Anda',
      email: 'Kode verifikasi[ {name}] Anda:',
      voice: 'Kode verifikasi Anda adalah:',
    },
  },
  code: {
    smsValidity: 'Berlaku {duration}.',
    smsWarning: 'Kami tidak pernah menelepon atau mengirim pesan untuk memintanya.',
    smsWarningShort: 'Kami tidak pernah memintanya.',
    smsShort: 'Kode {code}, berlaku {duration}.',
    validity: 'Kode ini berlaku selama {duration}.',
    advice: 'Jangan bagikan kepada siapa pun.',
    courierAdvice: 'Bagikan hanya kepada kurir di depan pintu Anda.',
    emailWarning: 'Kami tidak pernah menelepon, mengirim SMS, atau email untuk meminta kode ini.',
    voiceWarning: 'Kami tidak pernah menelepon atau mengirim pesan untuk meminta kode ini.',
    ignore:
      'Tidak meminta kode ini? Abaikan saja email ini: tanpa akses ke kotak masuk Anda, tidak ada yang bisa memakainya.',
    reportPrompt: 'Tidak meminta kode ini?',
    reportLink: 'Laporkan',
    greeting: 'Halo.',
    thisIs: 'Ini dari {name}.',
    again: 'Sekali lagi, kode Anda adalah:',
    goodbye: 'Terima kasih.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'Cara baru menerima kode ditambahkan',
        event: 'Cara baru menerima kode ditambahkan ke akun Anda',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'Cara baru menerima kode kini aktif',
        event: 'Cara baru menerima kode kini aktif di akun Anda',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'Cara menerima kode dihapus',
        event: 'Satu cara menerima kode dihapus dari akun Anda',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Akun Anda dikunci sementara',
        event: 'Akun Anda dikunci sementara karena terlalu banyak kode salah',
        advice: 'Jika ini bukan Anda, mungkin ada yang mencoba masuk: hubungi dukungan.',
      },
      hard_locked: {
        subject: 'Akun Anda dikunci',
        event: 'Akun Anda dikunci karena terlalu banyak kode salah',
        advice: 'Hubungi dukungan untuk membukanya.',
      },
      recovery_code_used: {
        subject: 'Kode pemulihan telah digunakan',
        event: 'Kode pemulihan digunakan untuk masuk ke akun Anda',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Kode pemulihan baru dibuat',
        event: 'Kode pemulihan baru dibuat untuk akun Anda; kode lama tidak berlaku lagi',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Anda melaporkan kode yang tidak Anda minta',
        event: 'Kami membatalkan kode yang Anda laporkan dan mengeluarkan perangkat yang diingat',
        advice: 'Jika terjadi lagi, hubungi dukungan.',
      },
      contact_changed: {
        subject: 'Data kontak Anda berubah',
        event: 'Data kontak akun Anda berubah',
        advice: SUPPORT,
      },
    },
    warning: 'Kami tidak pernah menelepon atau mengirim pesan untuk meminta kode.',
    origin: 'Ini adalah pemberitahuan keamanan[ dari {name}].',
  },
};
