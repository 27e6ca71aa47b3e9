/** Words of the result panel around the error catalogue's own text (one place, for a later message layer). */
export const RESULT_TEXT = {
  provenance: (where: string) => `Where this code comes from: ${where}.`,
  consoleCode: 'This code is the console’s own (no answer from the service to quote).',
  unknownCode: 'This code is not in the service documentation the console knows.',
  reasons: (reasons: readonly string[]) => `Reasons the vendor documents: ${reasons.map((r) => `“${r}”`).join(', ')}.`,
  expiredUnit: 'expired_time is read as Unix seconds [inferred]: the vendor calls it the token’s expiry without naming the unit.',
  bodyKeyNote: (received: string, documented: string) =>
    `Received under “${received}”; the vendor documents this code under “${documented}”.`,
} as const;
