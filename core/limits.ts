/**
 * The largest photo the console carries to the trusted side (12 MB). The service's own (inferred)
 * 2 MB limit is only a warning with a downscale offer; this one protects the console itself.
 */
export const MAX_PHOTO_BYTES = 12 * 1024 * 1024;
/** The same limit in base64 characters. */
export const MAX_PHOTO_BASE64 = Math.ceil(MAX_PHOTO_BYTES / 3) * 4;
/** The largest request body a shell accepts: two photos plus the form. */
export const MAX_REQUEST_BYTES = 2 * MAX_PHOTO_BASE64 + 1024 * 1024;
