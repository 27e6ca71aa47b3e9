/**
 * The largest photo the console carries to the trusted side (12 MB). The service's own (inferred)
 * 2 MB limit is only a warning with a downscale offer; this one protects the console itself.
 */
export const MAX_PHOTO_BYTES = 12 * 1024 * 1024;
/**
 * The largest JSON request body the browser shell accepts (16 MB): photos no longer travel in
 * JSON (they are staged as bytes), so this bounds the form, a profile import (5 MB of JSON text,
 * escaped) and the rest.
 */
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
