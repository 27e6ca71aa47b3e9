/**
 * The words the get_token form adds around the catalogue's own text. Kept here, in one place, so
 * the message layer of a later issue can replace them without touching the components.
 */
export const FORM_TEXT = {
  /** The empty choice of an optional list: what happens when nothing is sent. */
  notSent: (defaultText: string | undefined) => `— not sent (${defaultText ?? 'service default applies'}) —`,
  choose: '— choose —',
  /** Appended to the listed value that is the service default, with the default's confidence tag. */
  isDefault: (tag: string) => ` (service default${tag})`,
  otherValue: 'Other value…',
  otherPlaceholder: 'value to send as typed',
  required: 'required',
  newBizNo: 'New',
  newBizNoTitle: 'Suggest a new unique biz_no',
  sources: (sources: readonly string[]) => `Sources: ${sources.join(', ')}`,
  sourcesTitle: 'Source tags of docs/faceid-api.md: SEED is the vendor page; O- official, C- China edition, T- third-party',
  photosLegend: 'Reference photos',
  photosRequired: '(with comparison_type=0, at least one of image_ref1/image_ref2 is required)',
  photosIgnored: '(compared only with comparison_type=0)',
} as const;
