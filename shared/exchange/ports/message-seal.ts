/** Signing a message's body with this office's key, and checking a partner's signature with its certificate. */
export interface MessageSeal {
  /** The signature header's value over these exact bytes. */
  sign(body: Uint8Array): Promise<string>;
  /** True when `signature` is over `body` by the key of `certificatePem`. */
  verify(body: Uint8Array, signature: string, certificatePem: string): Promise<boolean>;
  /** This office's certificate (PEM), what partners verify with. */
  certificate(): Promise<string>;
}
