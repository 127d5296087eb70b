/** Bengali (Bangla script, with the dari "।" as full stop). */
import type { Catalogue } from './types';

const SUPPORT = 'এটি আপনি না হলে এখনই সহায়তায় যোগাযোগ করুন।';

export const bn: Catalogue = {
  locale: 'bn',
  name: 'বাংলা',
  dir: 'ltr',
  fullStop: '।',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} আপনার সাইন-ইন কোড[ ({name})]।',
      subject: 'আপনার সাইন-ইন কোড[ ({name})]',
      email: 'আপনার সাইন-ইন কোড[ ({name})]:',
      voice: 'আপনার সাইন-ইন কোড:',
    },
    sensitive_action: {
      sms: '{code} এই কাজটি নিশ্চিত করার কোড[ ({name})]।',
      subject: 'কাজ নিশ্চিত করার কোড[ ({name})]',
      email: 'এই কাজটি নিশ্চিত করার কোড[ ({name})]:',
      voice: 'এই কাজটি নিশ্চিত করার কোড:',
    },
    enroll: {
      sms: '{code} এই নম্বর যাচাইয়ের কোড[ ({name})]।',
      subject: 'আপনার ইমেল ঠিকানা যাচাই করুন[ ({name})]',
      email: 'এই ইমেল ঠিকানা যাচাইয়ের কোড[ ({name})]:',
      voice: 'এই নম্বর যাচাইয়ের কোড:',
    },
    delivery: {
      sms: '{code} আপনার ডেলিভারির কোড[ ({name})]।',
      subject: 'আপনার ডেলিভারির কোড[ ({name})]',
      email: 'আপনার ডেলিভারির কোড[ ({name})]:',
      voice: 'আপনার ডেলিভারির কোড:',
    },
    other: {
      sms: '{code} আপনার যাচাই কোড[ ({name})]।',
      subject: 'আপনার যাচাই কোড[ ({name})]',
      email: 'আপনার যাচাই কোড[ ({name})]:',
      voice: 'আপনার যাচাই কোড:',
    },
  },
  code: {
    smsValidity: '{duration} বৈধ।',
    smsWarning: 'এটি চাইতে আমরা কখনো ফোন বা মেসেজ করি না।',
    smsWarningShort: 'আমরা কখনো চাই না।',
    smsShort: 'কোড {code} ({duration})।',
    validity: 'এই কোড {duration} বৈধ থাকবে।',
    advice: 'এটি কারও সাথে শেয়ার করবেন না।',
    courierAdvice: 'এটি শুধু আপনার দরজায় আসা কুরিয়ারকে বলুন।',
    emailWarning: 'এই কোড চাইতে আমরা কখনো ফোন, SMS বা ইমেল করব না।',
    voiceWarning: 'এই কোড চাইতে আমরা কখনো ফোন বা মেসেজ করব না।',
    ignore:
      'এই কোড আপনি চাননি? এই ইমেলটি উপেক্ষা করতে পারেন: আপনার ইনবক্সে প্রবেশাধিকার ছাড়া কেউ এটি ব্যবহার করতে পারবে না।',
    reportPrompt: 'এই কোড আপনি চাননি?',
    reportLink: 'আমাদের জানান',
    greeting: 'নমস্কার।',
    thisIs: '{name} থেকে বলছি।',
    again: 'আবার বলছি, আপনার কোড:',
    goodbye: 'ধন্যবাদ।',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'কোড পাওয়ার নতুন উপায় যোগ হয়েছে',
        event: 'আপনার অ্যাকাউন্টে কোড পাওয়ার নতুন উপায় যোগ হয়েছে',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'কোড পাওয়ার নতুন উপায় চালু হয়েছে',
        event: 'আপনার অ্যাকাউন্টে কোড পাওয়ার নতুন উপায় এখন চালু',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'কোড পাওয়ার একটি উপায় সরানো হয়েছে',
        event: 'আপনার অ্যাকাউন্ট থেকে কোড পাওয়ার একটি উপায় সরানো হয়েছে',
        advice: SUPPORT,
      },
      locked: {
        subject: 'আপনার অ্যাকাউন্ট সাময়িকভাবে লক',
        event: 'অনেক ভুল কোডের পর অ্যাকাউন্ট কিছুক্ষণের জন্য লক করা হয়েছে',
        advice: 'এটি আপনি না হলে হয়তো কেউ ঢোকার চেষ্টা করছে: সহায়তায় যোগাযোগ করুন।',
      },
      hard_locked: {
        subject: 'আপনার অ্যাকাউন্ট লক',
        event: 'অনেক ভুল কোডের পর অ্যাকাউন্ট লক করা হয়েছে',
        advice: 'আনলক করতে সহায়তায় যোগাযোগ করুন।',
      },
      recovery_code_used: {
        subject: 'একটি রিকভারি কোড ব্যবহার হয়েছে',
        event: 'আপনার অ্যাকাউন্টে ঢুকতে একটি রিকভারি কোড ব্যবহার হয়েছে',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'নতুন রিকভারি কোড তৈরি হয়েছে',
        event: 'নতুন রিকভারি কোড তৈরি হয়েছে; পুরোনোগুলো আর কাজ করবে না',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'আপনি না-চাওয়া একটি কোডের কথা জানিয়েছেন',
        event: 'আপনার জানানো কোড বাতিল ও মনে রাখা ডিভাইস সাইন আউট করা হয়েছে',
        advice: 'আবার এমন হলে সহায়তায় যোগাযোগ করুন।',
      },
      contact_changed: {
        subject: 'আপনার যোগাযোগের তথ্য বদলেছে',
        event: 'আপনার অ্যাকাউন্টের যোগাযোগের তথ্য বদলেছে',
        advice: SUPPORT,
      },
    },
    warning: 'কোড চাইতে আমরা কখনো ফোন বা মেসেজ করব না।',
    origin: 'এটি[ {name} থেকে] একটি নিরাপত্তা বিজ্ঞপ্তি।',
  },
};
