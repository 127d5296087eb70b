/** Hindi (Devanagari, with the danda "।" as full stop). */
import type { Catalogue } from './types';

const SUPPORT = 'अगर यह आप नहीं थे, तो तुरंत सहायता से संपर्क करें।';

export const hi: Catalogue = {
  locale: 'hi',
  name: 'हिन्दी',
  dir: 'ltr',
  fullStop: '।',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} आपका साइन-इन कोड है[ ({name})]।',
      subject: 'आपका साइन-इन कोड[ ({name})]',
      email: 'आपका साइन-इन कोड[ ({name})] है:',
      voice: 'आपका साइन-इन कोड है:',
    },
    sensitive_action: {
      sms: '{code} इस कार्रवाई की पुष्टि का कोड है[ ({name})]।',
      subject: 'कार्रवाई की पुष्टि का कोड[ ({name})]',
      email: 'इस कार्रवाई की पुष्टि का कोड[ ({name})] है:',
      voice: 'इस कार्रवाई की पुष्टि का कोड है:',
    },
    enroll: {
      sms: '{code} इस नंबर को सत्यापित करने का कोड है[ ({name})]।',
      subject: 'अपना ईमेल पता सत्यापित करें[ ({name})]',
      email: 'इस ईमेल पते को सत्यापित करने का कोड[ ({name})] है:',
      voice: 'इस नंबर को सत्यापित करने का कोड है:',
    },
    delivery: {
      sms: '{code} आपकी डिलीवरी का कोड है[ ({name})]।',
      subject: 'आपकी डिलीवरी का कोड[ ({name})]',
      email: 'आपकी डिलीवरी का कोड[ ({name})] है:',
      voice: 'आपकी डिलीवरी का कोड है:',
    },
    other: {
      sms: '{code} आपका सत्यापन कोड है[ ({name})]।',
      subject: 'आपका सत्यापन कोड[ ({name})]',
      email: 'आपका सत्यापन कोड[ ({name})] है:',
      voice: 'आपका सत्यापन कोड है:',
    },
  },
  code: {
    smsValidity: '{duration} तक मान्य।',
    smsWarning: 'हम इसे माँगने के लिए कभी कॉल या मैसेज नहीं करते।',
    smsWarningShort: 'हम कभी नहीं माँगेंगे।',
    smsShort: 'कोड {code} ({duration})।',
    validity: 'यह कोड {duration} तक मान्य है।',
    advice: 'इसे किसी से साझा न करें।',
    courierAdvice: 'इसे केवल अपने दरवाज़े पर आए कूरियर को बताएँ।',
    emailWarning: 'हम यह कोड माँगने के लिए आपको कभी कॉल, SMS या ईमेल नहीं करेंगे।',
    voiceWarning: 'हम यह कोड माँगने के लिए आपको कभी कॉल या मैसेज नहीं करेंगे।',
    ignore: 'यह कोड आपने नहीं माँगा? इस ईमेल को अनदेखा करें: आपके इनबॉक्स तक पहुँच के बिना कोई इसका उपयोग नहीं कर सकता।',
    reportPrompt: 'यह कोड आपने नहीं माँगा?',
    reportLink: 'हमें बताएँ',
    greeting: 'नमस्ते।',
    thisIs: '{name} की ओर से कॉल है।',
    again: 'फिर से, आपका कोड है:',
    goodbye: 'धन्यवाद।',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'कोड पाने का नया तरीका जोड़ा गया',
        event: 'आपके खाते में कोड पाने का नया तरीका जोड़ा गया',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'कोड पाने का नया तरीका सक्रिय है',
        event: 'आपके खाते में कोड पाने का नया तरीका अब सक्रिय है',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'कोड पाने का एक तरीका हटाया गया',
        event: 'आपके खाते से कोड पाने का एक तरीका हटाया गया',
        advice: SUPPORT,
      },
      locked: {
        subject: 'आपका खाता अस्थायी रूप से लॉक है',
        event: 'बहुत सारे गलत कोड के बाद खाता कुछ समय के लिए लॉक है',
        advice: 'अगर यह आप नहीं थे, तो कोई अंदर आने की कोशिश कर रहा हो सकता है: सहायता से संपर्क करें।',
      },
      hard_locked: {
        subject: 'आपका खाता लॉक है',
        event: 'बहुत सारे गलत कोड के बाद खाता लॉक है',
        advice: 'अनलॉक कराने के लिए सहायता से संपर्क करें।',
      },
      recovery_code_used: {
        subject: 'रिकवरी कोड का उपयोग हुआ',
        event: 'आपके खाते में साइन इन के लिए रिकवरी कोड का उपयोग हुआ',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'नए रिकवरी कोड बनाए गए',
        event: 'नए रिकवरी कोड बनाए गए; पुराने अब काम नहीं करते',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'आपने बिना माँगे कोड की रिपोर्ट की',
        event: 'हमने आपका रिपोर्ट किया कोड रद्द किया और याद रखे डिवाइस साइन आउट किए',
        advice: 'अगर फिर ऐसा हो, तो सहायता से संपर्क करें।',
      },
      contact_changed: {
        subject: 'आपके संपर्क विवरण बदल गए',
        event: 'आपके खाते के संपर्क विवरण बदल गए',
        advice: SUPPORT,
      },
    },
    warning: 'हम कोड माँगने के लिए आपको कभी कॉल या मैसेज नहीं करेंगे।',
    origin: 'यह[ {name} की ओर से] एक सुरक्षा सूचना है।',
  },
};
