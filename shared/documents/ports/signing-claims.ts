/**
 * Who signs an issued document first. Two first requests for the same document at once must not
 * both sign and store different PDFs (the signing time differs, and an ECDSA signature is never
 * the same twice): the first to claim signs and stores; the others wait for the stored bytes.
 * S3's conditional put (If-None-Match: *) would do it in the cloud, but s3rver ignores the header
 * on PUT, so the claim is a DynamoDB conditional write, the same in both places.
 */
export interface SigningClaims {
  /**
   * Claims the first signing of `entryId` until `now + leaseMs`: true when this caller is to sign;
   * false when another holds a claim that has not run out (a claim that ran out is taken over:
   * its holder died before storing anything).
   */
  claim(entryId: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Gives the claim up after a failure, so that the next request signs at once. */
  release(entryId: string): Promise<void>;
}
