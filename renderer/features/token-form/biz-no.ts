// The suggestion is shared with the trusted side (cURL copies, the CLI), so it lives in core.
export { suggestBizNo } from '../../../core/faceid/biz-no';
