/**
 * Port: the server secret that keys every code hash (HMAC-SHA256). In AWS it comes
 * from Secrets Manager, read once per cold start; locally from a development key.
 */
export interface ServerSecret {
  /** Raw key bytes, at least 32. */
  hmacKey(): Promise<Buffer>;
}

/**
 * Port: encryption of TOTP secrets at rest. The context binds a ciphertext to its
 * user and factor, so a ciphertext copied to another record does not decrypt.
 */
export interface SecretBox {
  encrypt(plaintext: Buffer, context: Record<string, string>): Promise<string>;
  decrypt(ciphertext: string, context: Record<string, string>): Promise<Buffer>;
}
