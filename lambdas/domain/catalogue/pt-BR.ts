/** Portuguese (Brazil); also serves `pt` and `pt-PT`. */
import type { Catalogue } from './types';

const SUPPORT = 'Se não foi você, fale com o suporte agora.';

export const ptBR: Catalogue = {
  locale: 'pt-BR',
  name: 'Português (Brasil)',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} é seu código de acesso[ ao {name}].',
      subject: 'Seu código de acesso[ ao {name}]',
      email: 'Seu código de acesso[ ao {name}] é:',
      voice: 'Seu código de acesso é:',
    },
    sensitive_action: {
      sms: '{code} é seu código para confirmar esta ação[ no {name}].',
      subject: 'Seu código para confirmar esta ação[ no {name}]',
      email: 'Seu código para confirmar esta ação[ no {name}] é:',
      voice: 'Seu código para confirmar esta ação é:',
    },
    enroll: {
      sms: '{code} é seu código para verificar este número[ no {name}].',
      subject: 'Verifique seu endereço de e-mail[ no {name}]',
      email: 'Seu código para verificar este endereço de e-mail[ no {name}] é:',
      voice: 'Seu código para verificar este número é:',
    },
    delivery: {
      sms: '{code} é o código da sua entrega[ {name}].',
      subject: 'O código da sua entrega[ {name}]',
      email: 'O código da sua entrega[ {name}] é:',
      voice: 'O código da sua entrega é:',
    },
    other: {
      sms: '{code} é seu código de verificação[ {name}].',
      subject: 'Seu código de verificação[ {name}]',
      email: 'Seu código de verificação[ {name}] é:',
      voice: 'Seu código de verificação é:',
    },
  },
  code: {
    smsValidity: 'Válido por {duration}.',
    smsWarning: 'Nunca ligaremos nem enviaremos mensagem pedindo este código.',
    smsWarningShort: 'Nunca o pedimos.',
    smsShort: 'Código {code}, vale {duration}.',
    validity: 'Este código vale por {duration}.',
    advice: 'Não o compartilhe.',
    courierAdvice: 'Informe-o só ao entregador na sua porta.',
    emailWarning: 'Nunca ligaremos nem enviaremos SMS ou e-mail pedindo este código.',
    voiceWarning: 'Nunca ligaremos nem enviaremos mensagem pedindo este código.',
    ignore:
      'Não pediu este código? Pode ignorar este e-mail: ninguém consegue usá-lo sem acesso à sua caixa de entrada.',
    reportPrompt: 'Não pediu este código?',
    reportLink: 'Avise-nos',
    greeting: 'Olá.',
    thisIs: 'Aqui é do {name}.',
    again: 'Repetindo, seu código é:',
    goodbye: 'Até logo.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'Uma nova forma de receber códigos foi adicionada',
        event: 'Uma nova forma de receber códigos foi adicionada à sua conta',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'Uma nova forma de receber códigos está ativa',
        event: 'Uma nova forma de receber códigos agora está ativa na sua conta',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'Uma forma de receber códigos foi removida',
        event: 'Uma forma de receber códigos foi removida da sua conta',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Sua conta está bloqueada temporariamente',
        event: 'Sua conta foi bloqueada por um tempo após muitos códigos errados',
        advice: 'Se não foi você, alguém pode estar tentando entrar: fale com o suporte.',
      },
      hard_locked: {
        subject: 'Sua conta está bloqueada',
        event: 'Sua conta foi bloqueada após muitos códigos errados',
        advice: 'Fale com o suporte para desbloqueá-la.',
      },
      recovery_code_used: {
        subject: 'Um código de recuperação foi usado',
        event: 'Um código de recuperação foi usado para entrar na sua conta',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Novos códigos de recuperação foram criados',
        event: 'Novos códigos de recuperação foram criados para sua conta; os antigos não valem mais',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Você informou um código que não pediu',
        event: 'Cancelamos o código informado e desconectamos os dispositivos lembrados',
        advice: 'Se acontecer de novo, fale com o suporte.',
      },
      contact_changed: {
        subject: 'Seus dados de contato mudaram',
        event: 'Os dados de contato da sua conta mudaram',
        advice: SUPPORT,
      },
    },
    warning: 'Nunca ligaremos nem enviaremos mensagem pedindo um código.',
    origin: 'Este é um aviso de segurança[ do {name}].',
  },
};
