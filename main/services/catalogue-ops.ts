import { IMAGE_LIMITS, NOTIFY_PORTS, PARAMS } from '../../core/faceid/catalogue';
import { ERRORS } from '../../core/faceid/errors';
import { ok } from '../../core/result';
import type { OpImpls } from './handlers';

/** The catalogue as data, for clients that do not bundle core (CLI, docs). */
export function catalogueOps(): OpImpls<'describeCatalogue'> {
  return {
    describeCatalogue: async () =>
      ok({
        params: PARAMS,
        errors: ERRORS,
        notifyPorts: NOTIFY_PORTS,
        imageLimits: { maxBytes: IMAGE_LIMITS.maxBytes, maxSide: IMAGE_LIMITS.maxSide },
      }),
  };
}
