/**
 * Plain words for the keys of `liveness_result.details` (faceid-api.md §5.3: China `video` and
 * `selfie` keys; the overseas flash/still/distance keys are undocumented), in namespace
 * `verifyView` (details.words). A key without words is shown by its API name alone.
 */
import { verifyViewMessages } from './messages';

/** The API keys that have words; any other key is shown as received. */
export const DETAIL_KEYS: ReadonlySet<string> = new Set(Object.keys(verifyViewMessages.en.details.words));
