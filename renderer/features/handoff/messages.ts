/**
 * Namespace `handoff`: the Expert view's hand-off of an issued token to the customer (QR code, link,
 * expiry). `token`, `biz_no` and the vendor's status codes (PROCESSING, OK…) are not translated.
 */
import { defineMessages } from '../../../core/i18n/messages';

export const handoffMessages = defineMessages({
  en: {
    label: 'Customer hand-off',
    used: 'The customer has used this token ({status}); the link works only once.',
    expired: 'This token expired at {time}; its link no longer works. Issue a new token.',
    scan: 'Ask the customer to scan this code with their phone camera, or send them the link.',
    qr: 'QR code of the liveness link',
    link: 'liveness link',
    open: 'Open in browser',
    validFor: 'Valid for {time}, once.',
  },
  id: {
    label: 'Serah ke nasabah',
    used: 'Nasabah sudah memakai token ini ({status}); tautannya hanya berlaku sekali.',
    expired: 'Token ini kedaluwarsa pukul {time}; tautannya tidak berlaku lagi. Terbitkan token baru.',
    scan: 'Minta nasabah memindai kode ini dengan kamera ponselnya, atau kirimkan tautannya.',
    qr: 'Kode QR tautan pemeriksaan liveness',
    link: 'tautan liveness',
    open: 'Buka di peramban',
    validFor: 'Berlaku {time}, sekali pakai.',
  },
  zh: {
    label: '交给客户',
    used: '客户已使用此 token（{status}）；链接只能使用一次。',
    expired: '此 token 已于 {time} 过期，链接已失效。请重新签发 token。',
    scan: '请客户用手机相机扫描此二维码，或把链接发给客户。',
    qr: '活体检测链接的二维码',
    link: '活体检测链接',
    open: '在浏览器中打开',
    validFor: '有效期 {time}，仅限一次。',
  },
});
