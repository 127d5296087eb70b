/** Japanese (polite form). Sentences end with "。" and are not separated by spaces. */
import type { Catalogue } from './types';

const SUPPORT = 'お心当たりがない場合は、すぐにサポートへご連絡ください。';

export const ja: Catalogue = {
  locale: 'ja',
  name: '日本語',
  dir: 'ltr',
  fullStop: '。',
  sentenceGap: '',
  purposes: {
    sign_in: {
      sms: '{code}は[{name}の]ログインコードです。',
      subject: '[{name}の]ログインコード',
      email: '[{name}の]ログインコード:',
      voice: 'ログインコードをお伝えします。',
    },
    sensitive_action: {
      sms: '{code}は[{name}の]操作確認コードです。',
      subject: '[{name}の]操作確認コード',
      email: '[{name}の]操作確認コード:',
      voice: '操作確認コードをお伝えします。',
    },
    enroll: {
      sms: '{code}は[{name}の]電話番号確認コードです。',
      subject: '[{name}の]メールアドレスの確認',
      email: '[{name}の]メールアドレス確認コード:',
      voice: '電話番号確認コードをお伝えします。',
    },
    delivery: {
      sms: '{code}は[{name}の]お届け用コードです。',
      subject: '[{name}の]お届け用コード',
      email: '[{name}の]お届け用コード:',
      voice: 'お届け用コードをお伝えします。',
    },
    other: {
      sms: '{code}は[{name}の]認証コードです。',
      subject: '[{name}の]認証コード',
      email: '[{name}の]認証コード:',
      voice: '認証コードをお伝えします。',
    },
  },
  code: {
    smsValidity: '有効期限は{duration}です。',
    smsWarning: '当社が電話やメッセージでこのコードを伺うことはありません。',
    smsWarningShort: '当社から伺うことはありません。',
    smsShort: 'コード{code}（{duration}有効）。',
    validity: 'このコードの有効期限は{duration}です。',
    advice: '誰にも教えないでください。',
    courierAdvice: '玄関の配達員にだけお伝えください。',
    emailWarning: '当社が電話、SMS、メールでこのコードを伺うことはありません。',
    voiceWarning: '当社が電話やメッセージでこのコードを伺うことはありません。',
    ignore:
      'このコードに心当たりがない場合は、このメールを無視してください。受信箱にアクセスできない限り、誰もこのコードを使えません。',
    reportPrompt: 'このコードに心当たりがありませんか？',
    reportLink: '報告する',
    greeting: 'こんにちは。',
    thisIs: '{name}です。',
    again: 'もう一度お伝えします。',
    goodbye: '失礼いたします。',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'コードの新しい受け取り方法が追加されました',
        event: 'アカウントにコードの新しい受け取り方法が追加されました',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'コードの新しい受け取り方法が有効になりました',
        event: 'アカウントでコードの新しい受け取り方法が有効になりました',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'コードの受け取り方法が削除されました',
        event: 'アカウントからコードの受け取り方法が削除されました',
        advice: SUPPORT,
      },
      locked: {
        subject: 'アカウントが一時的にロックされました',
        event: '誤ったコードが多すぎたため、アカウントがしばらくロックされました',
        advice:
          'お心当たりがない場合、第三者がログインを試みている可能性があります。サポートへご連絡ください。',
      },
      hard_locked: {
        subject: 'アカウントがロックされました',
        event: '誤ったコードが多すぎたため、アカウントがロックされました',
        advice: 'ロックの解除はサポートへご連絡ください。',
      },
      recovery_code_used: {
        subject: 'リカバリーコードが使用されました',
        event: 'アカウントへのログインにリカバリーコードが使用されました',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: '新しいリカバリーコードが作成されました',
        event: '新しいリカバリーコードが作成されました。以前のコードは使えません',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: '依頼していないコードが報告されました',
        event: '報告されたコードを無効にし、記憶済みの端末をログアウトしました',
        advice: '再び起きた場合は、サポートへご連絡ください。',
      },
      contact_changed: {
        subject: '連絡先が変更されました',
        event: 'アカウントの連絡先が変更されました',
        advice: SUPPORT,
      },
    },
    warning: '当社が電話やメッセージでコードを伺うことはありません。',
    origin: '[{name}からの]セキュリティに関するお知らせです。',
  },
};
