/**
 * What the functions read at cold start, as placeholders: enough for a built bundle
 * to load and compose outside Lambda (the bundle benchmark, and the infra test that
 * starts every deployed bundle against the layer). Nothing here reaches AWS.
 */
export const COLD_START_ENV: Readonly<Record<string, string>> = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  TABLE_NAME: 'onetime-bench',
  ONETIME_HMAC_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:bench',
  ONETIME_TOTP_KEY_ID: 'arn:aws:kms:us-east-1:123456789012:key/bench',
  ONETIME_SES_CONFIGURATION_SET: 'onetime-bench',
  POWERTOOLS_SERVICE_NAME: 'onetime',
  POWERTOOLS_METRICS_NAMESPACE: 'onetime',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
