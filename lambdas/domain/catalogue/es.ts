/** Spanish (neutral, informal "tú" as most apps use). */
import type { Catalogue } from './types';

const SUPPORT = 'Si no fuiste tú, contacta con soporte cuanto antes.';

export const es: Catalogue = {
  locale: 'es',
  name: 'Español',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} es tu código de acceso[ a {name}].',
      subject: 'Tu código de acceso[ a {name}]',
      email: 'Tu código de acceso[ a {name}] es:',
      voice: 'Tu código de acceso es:',
    },
    sensitive_action: {
      sms: '{code} es tu código para confirmar esta acción[ en {name}].',
      subject: 'Tu código para confirmar esta acción[ en {name}]',
      email: 'Tu código para confirmar esta acción[ en {name}] es:',
      voice: 'Tu código para confirmar esta acción es:',
    },
    enroll: {
      sms: '{code} es tu código para verificar este número[ en {name}].',
      subject: 'Verifica tu dirección de correo[ para {name}]',
      email: 'Tu código para verificar esta dirección de correo[ en {name}] es:',
      voice: 'Tu código para verificar este número es:',
    },
    delivery: {
      sms: '{code} es el código de tu entrega[ de {name}].',
      subject: 'El código de tu entrega[ de {name}]',
      email: 'El código de tu entrega[ de {name}] es:',
      voice: 'El código de tu entrega es:',
    },
    other: {
      sms: '{code} es tu código de verificación[ de {name}].',
      subject: 'Tu código de verificación[ de {name}]',
      email: 'Tu código de verificación[ de {name}] es:',
      voice: 'Tu código de verificación es:',
    },
  },
  code: {
    smsValidity: 'Válido {duration}.',
    smsWarning: 'Nunca te llamaremos ni escribiremos para pedírtelo.',
    smsWarningShort: 'Nunca lo pedimos.',
    smsShort: 'Código {code} ({duration}).',
    validity: 'Este código es válido durante {duration}.',
    advice: 'No lo compartas.',
    courierAdvice: 'Compártelo solo con el repartidor en tu puerta.',
    emailWarning: 'Nunca te llamaremos ni te enviaremos SMS o correos para pedirte este código.',
    voiceWarning: 'Nunca te llamaremos ni te escribiremos para pedirte este código.',
    ignore:
      '¿No pediste este código? Puedes ignorar este correo: nadie puede usarlo sin acceso a tu bandeja de entrada.',
    reportPrompt: '¿No pediste este código?',
    reportLink: 'Avísanos',
    greeting: 'Hola.',
    thisIs: 'Te llamamos de {name}.',
    again: 'Repetimos, tu código es:',
    goodbye: 'Adiós.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'Se añadió una nueva forma de recibir códigos',
        event: 'Se añadió a tu cuenta una nueva forma de recibir códigos',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'Una nueva forma de recibir códigos ya está activa',
        event: 'Una nueva forma de recibir códigos ya está activa en tu cuenta',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'Se eliminó una forma de recibir códigos',
        event: 'Se eliminó de tu cuenta una forma de recibir códigos',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Tu cuenta está bloqueada temporalmente',
        event: 'Tu cuenta está bloqueada un rato por demasiados códigos incorrectos',
        advice: 'Si no fuiste tú, alguien puede estar intentando entrar: contacta con soporte.',
      },
      hard_locked: {
        subject: 'Tu cuenta está bloqueada',
        event: 'Tu cuenta está bloqueada tras demasiados códigos incorrectos',
        advice: 'Contacta con soporte para desbloquearla.',
      },
      recovery_code_used: {
        subject: 'Se usó un código de recuperación',
        event: 'Se usó un código de recuperación para entrar en tu cuenta',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Se crearon nuevos códigos de recuperación',
        event: 'Se crearon nuevos códigos de recuperación para tu cuenta; los anteriores ya no sirven',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Informaste de un código que no pediste',
        event: 'Anulamos el código que reportaste y cerramos la sesión en tus dispositivos recordados',
        advice: 'Si vuelve a pasar, contacta con soporte.',
      },
      contact_changed: {
        subject: 'Tus datos de contacto cambiaron',
        event: 'Los datos de contacto de tu cuenta cambiaron',
        advice: SUPPORT,
      },
    },
    warning: 'Nunca te llamaremos ni escribiremos para pedirte un código.',
    origin: 'Este es un aviso de seguridad[ de {name}].',
  },
};
