/** Chinese (Simplified, mainland China); also serves `zh` and `zh-Hans`. */
import type { Catalogue } from './types';

const SUPPORT = '如果不是您本人操作，请立即联系客服。';

export const zhCN: Catalogue = {
  locale: 'zh-CN',
  name: '简体中文',
  dir: 'ltr',
  fullStop: '。',
  sentenceGap: '',
  purposes: {
    sign_in: {
      sms: '{code}是您的登录验证码[（{name}）]。',
      subject: '您的登录验证码[（{name}）]',
      email: '您的登录验证码[（{name}）]：',
      voice: '您的登录验证码是：',
    },
    sensitive_action: {
      sms: '{code}是您的操作确认码[（{name}）]。',
      subject: '您的操作确认码[（{name}）]',
      email: '您的操作确认码[（{name}）]：',
      voice: '您的操作确认码是：',
    },
    enroll: {
      sms: '{code}是您的手机号验证码[（{name}）]。',
      subject: '验证您的邮箱地址[（{name}）]',
      email: '您的邮箱验证码[（{name}）]：',
      voice: '您的手机号验证码是：',
    },
    delivery: {
      sms: '{code}是您的收货码[（{name}）]。',
      subject: '您的收货码[（{name}）]',
      email: '您的收货码[（{name}）]：',
      voice: '您的收货码是：',
    },
    other: {
      sms: '{code}是您的验证码[（{name}）]。',
      subject: '您的验证码[（{name}）]',
      email: '您的验证码[（{name}）]：',
      voice: '您的验证码是：',
    },
  },
  code: {
    smsValidity: '{duration}内有效。',
    smsWarning: '我们绝不会致电或发消息向您索要验证码。',
    smsWarningShort: '我们绝不索要验证码。',
    smsShort: '验证码{code}，{duration}内有效。',
    validity: '此验证码{duration}内有效。',
    advice: '请勿告诉他人。',
    courierAdvice: '请只告诉上门的快递员。',
    emailWarning: '我们绝不会通过电话、短信或邮件向您索要此验证码。',
    voiceWarning: '我们绝不会致电或发消息向您索要此验证码。',
    ignore: '没有申请此验证码？请忽略此邮件：无法访问您的邮箱，任何人都无法使用它。',
    reportPrompt: '没有申请此验证码？',
    reportLink: '向我们报告',
    greeting: '您好。',
    thisIs: '这里是{name}。',
    again: '再说一遍，您的验证码是：',
    goodbye: '再见。',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: '已添加新的验证码接收方式',
        event: '您的账户已添加新的验证码接收方式',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: '新的验证码接收方式已启用',
        event: '您账户中新的验证码接收方式已启用',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: '已删除一种验证码接收方式',
        event: '您的账户已删除一种验证码接收方式',
        advice: SUPPORT,
      },
      locked: {
        subject: '您的账户已被暂时锁定',
        event: '由于输错验证码次数过多，您的账户已被暂时锁定',
        advice: '如果不是您本人操作，可能有人正试图登录：请联系客服。',
      },
      hard_locked: {
        subject: '您的账户已被锁定',
        event: '由于输错验证码次数过多，您的账户已被锁定',
        advice: '请联系客服解锁。',
      },
      recovery_code_used: {
        subject: '恢复码已被使用',
        event: '已使用恢复码登录您的账户',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: '已生成新的恢复码',
        event: '已为您的账户生成新的恢复码；旧恢复码已失效',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: '您举报了一个非本人申请的验证码',
        event: '我们已作废您举报的验证码，并退出了已记住的设备',
        advice: '如果再次发生，请联系客服。',
      },
      contact_changed: {
        subject: '您的联系方式已更改',
        event: '您账户的联系方式已更改',
        advice: SUPPORT,
      },
    },
    warning: '我们绝不会致电或发消息向您索要验证码。',
    origin: '这是一条[来自{name}的]安全通知。',
  },
};
