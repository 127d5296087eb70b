/** Korean (polite 합니다 style). */
import type { Catalogue } from './types';

const SUPPORT = '본인이 아니라면 즉시 고객 지원에 문의하세요.';

export const ko: Catalogue = {
  locale: 'ko',
  name: '한국어',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '[{name} ]로그인 코드는 {code}입니다.',
      subject: '[{name} ]로그인 코드',
      email: '[{name} ]로그인 코드:',
      voice: '로그인 코드를 알려 드립니다.',
    },
    sensitive_action: {
      sms: '[{name} ]작업 확인 코드는 {code}입니다.',
      subject: '[{name} ]작업 확인 코드',
      email: '[{name} ]작업 확인 코드:',
      voice: '작업 확인 코드를 알려 드립니다.',
    },
    enroll: {
      sms: '[{name} ]전화번호 인증 코드는 {code}입니다.',
      subject: '[{name} ]이메일 주소 인증',
      email: '[{name} ]이메일 주소 인증 코드:',
      voice: '전화번호 인증 코드를 알려 드립니다.',
    },
    delivery: {
      sms: '[{name} ]배송 코드는 {code}입니다.',
      subject: '[{name} ]배송 코드',
      email: '[{name} ]배송 코드:',
      voice: '배송 코드를 알려 드립니다.',
    },
    other: {
      sms: '[{name} ]인증 코드는 {code}입니다.',
      subject: '[{name} ]인증 코드',
      email: '[{name} ]인증 코드:',
      voice: '인증 코드를 알려 드립니다.',
    },
  },
  code: {
    smsValidity: '{duration} 동안 유효합니다.',
    smsWarning: '저희는 전화나 메시지로 이 코드를 절대 묻지 않습니다.',
    smsWarningShort: '코드를 절대 묻지 않습니다.',
    smsShort: '코드 {code}, {duration} 유효.',
    validity: '이 코드는 {duration} 동안 유효합니다.',
    advice: '누구에게도 알려 주지 마세요.',
    courierAdvice: '문 앞의 배송 기사에게만 알려 주세요.',
    emailWarning: '저희는 전화, 문자, 이메일로 이 코드를 절대 묻지 않습니다.',
    voiceWarning: '저희는 전화나 메시지로 이 코드를 절대 묻지 않습니다.',
    ignore:
      '이 코드를 요청하지 않으셨나요? 이 이메일은 무시하셔도 됩니다. 받은편지함에 접근하지 않고는 누구도 이 코드를 쓸 수 없습니다.',
    reportPrompt: '이 코드를 요청하지 않으셨나요?',
    reportLink: '신고하기',
    greeting: '안녕하세요.',
    thisIs: '{name}입니다.',
    again: '다시 알려 드립니다.',
    goodbye: '감사합니다.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: '코드를 받는 새 방법이 추가되었습니다',
        event: '계정에 코드를 받는 새 방법이 추가되었습니다',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: '코드를 받는 새 방법이 활성화되었습니다',
        event: '계정에서 코드를 받는 새 방법이 활성화되었습니다',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: '코드를 받는 방법이 삭제되었습니다',
        event: '계정에서 코드를 받는 방법 하나가 삭제되었습니다',
        advice: SUPPORT,
      },
      locked: {
        subject: '계정이 일시적으로 잠겼습니다',
        event: '잘못된 코드가 너무 많아 계정이 잠시 잠겼습니다',
        advice: '본인이 아니라면 누군가 로그인을 시도 중일 수 있습니다. 고객 지원에 문의하세요.',
      },
      hard_locked: {
        subject: '계정이 잠겼습니다',
        event: '잘못된 코드가 너무 많아 계정이 잠겼습니다',
        advice: '잠금을 해제하려면 고객 지원에 문의하세요.',
      },
      recovery_code_used: {
        subject: '복구 코드가 사용되었습니다',
        event: '계정 로그인에 복구 코드가 사용되었습니다',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: '새 복구 코드가 생성되었습니다',
        event: '새 복구 코드가 생성되었습니다. 이전 코드는 더 이상 쓸 수 없습니다',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: '요청하지 않은 코드를 신고하셨습니다',
        event: '신고하신 코드를 취소하고 기억된 기기를 로그아웃했습니다',
        advice: '다시 발생하면 고객 지원에 문의하세요.',
      },
      contact_changed: {
        subject: '연락처 정보가 변경되었습니다',
        event: '계정의 연락처 정보가 변경되었습니다',
        advice: SUPPORT,
      },
    },
    warning: '저희는 전화나 메시지로 코드를 절대 묻지 않습니다.',
    origin: '[{name} ]보안 알림입니다.',
  },
};
