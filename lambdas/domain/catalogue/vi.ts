/** Vietnamese. */
import type { Catalogue } from './types';

const SUPPORT = 'Nếu không phải bạn, hãy liên hệ bộ phận hỗ trợ ngay.';

export const vi: Catalogue = {
  locale: 'vi',
  name: 'Tiếng Việt',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} là mã đăng nhập[ {name}] của bạn.',
      subject: 'Mã đăng nhập[ {name}] của bạn',
      email: 'Mã đăng nhập[ {name}] của bạn là:',
      voice: 'Mã đăng nhập của bạn là:',
    },
    sensitive_action: {
      sms: '{code} là mã xác nhận thao tác này[ trên {name}].',
      subject: 'Mã xác nhận thao tác[ trên {name}]',
      email: 'Mã xác nhận thao tác này[ trên {name}] là:',
      voice: 'Mã xác nhận thao tác này là:',
    },
    enroll: {
      sms: '{code} là mã xác minh số điện thoại này[ trên {name}].',
      subject: 'Xác minh địa chỉ email của bạn[ trên {name}]',
      email: 'Mã xác minh địa chỉ email này[ trên {name}] là:',
      voice: 'Mã xác minh số điện thoại này là:',
    },
    delivery: {
      sms: '{code} là mã nhận hàng của bạn[ từ {name}].',
      subject: 'Mã nhận hàng của bạn[ từ {name}]',
      email: 'Mã nhận hàng của bạn[ từ {name}] là:',
      voice: 'Mã nhận hàng của bạn là:',
    },
    other: {
      sms: '{code} là mã xác minh[ {name}] của bạn.',
      subject: 'Mã xác minh[ {name}] của bạn',
      email: 'Mã xác minh[ {name}] của bạn là:',
      voice: 'Mã xác minh của bạn là:',
    },
  },
  code: {
    smsValidity: 'Hiệu lực {duration}.',
    smsWarning: 'Chúng tôi không bao giờ gọi hay nhắn tin để hỏi mã này.',
    smsWarningShort: 'Chúng tôi không hề hỏi.',
    smsShort: 'Mã {code} ({duration}).',
    validity: 'Mã này có hiệu lực trong {duration}.',
    advice: 'Không chia sẻ mã cho ai.',
    courierAdvice: 'Chỉ đọc mã cho nhân viên giao hàng tại cửa.',
    emailWarning: 'Chúng tôi không bao giờ gọi điện, nhắn tin hay gửi email để hỏi mã này.',
    voiceWarning: 'Chúng tôi không bao giờ gọi điện hay nhắn tin để hỏi mã này.',
    ignore:
      'Bạn không yêu cầu mã này? Bạn có thể bỏ qua email này: không ai dùng được mã nếu không truy cập được hộp thư của bạn.',
    reportPrompt: 'Bạn không yêu cầu mã này?',
    reportLink: 'Báo cho chúng tôi',
    greeting: 'Xin chào.',
    thisIs: 'Đây là {name}.',
    again: 'Xin nhắc lại, mã của bạn là:',
    goodbye: 'Tạm biệt.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'Đã thêm cách nhận mã mới',
        event: 'Tài khoản của bạn vừa được thêm một cách nhận mã mới',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'Cách nhận mã mới đã được kích hoạt',
        event: 'Một cách nhận mã mới đã được kích hoạt trên tài khoản',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'Đã xóa một cách nhận mã',
        event: 'Một cách nhận mã đã bị xóa khỏi tài khoản của bạn',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Tài khoản của bạn bị khóa tạm thời',
        event: 'Tài khoản bị khóa tạm thời do nhập sai mã quá nhiều lần',
        advice: 'Nếu không phải bạn, có thể ai đó đang cố đăng nhập: hãy liên hệ bộ phận hỗ trợ.',
      },
      hard_locked: {
        subject: 'Tài khoản của bạn bị khóa',
        event: 'Tài khoản bị khóa do nhập sai mã quá nhiều lần',
        advice: 'Hãy liên hệ bộ phận hỗ trợ để mở khóa.',
      },
      recovery_code_used: {
        subject: 'Một mã khôi phục đã được dùng',
        event: 'Một mã khôi phục đã được dùng để đăng nhập tài khoản',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Đã tạo mã khôi phục mới',
        event: 'Đã tạo mã khôi phục mới; các mã cũ không còn dùng được',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Bạn đã báo cáo một mã không yêu cầu',
        event: 'Chúng tôi đã hủy mã bạn báo cáo và đăng xuất các thiết bị đã ghi nhớ',
        advice: 'Nếu việc này lặp lại, hãy liên hệ bộ phận hỗ trợ.',
      },
      contact_changed: {
        subject: 'Thông tin liên hệ của bạn đã thay đổi',
        event: 'Thông tin liên hệ của tài khoản đã thay đổi',
        advice: SUPPORT,
      },
    },
    warning: 'Chúng tôi không bao giờ gọi điện hay nhắn tin để hỏi mã.',
    origin: 'Đây là thông báo bảo mật[ từ {name}].',
  },
};
