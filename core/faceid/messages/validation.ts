/**
 * Namespace `validation`: what the console's own check of a get_token request says about a field
 * (core/faceid/validate.ts), before anything is sent. `{field}` is the parameter's name as the
 * vendor spells it; values, limits and lists are placeholders, never translated.
 */
import { defineMessages } from '../../i18n/messages';

export const validationMessages = defineMessages({
  en: {
    unknownParam: '{field} is not a documented get_token parameter; it will be sent as typed, and the service may ignore or refuse it.',
    credentialInForm: '{field} comes from the profile and cannot be set in the form.',
    fileAsText: '{field} is a file; attach a photo instead of text.',
    photoRequired: 'With comparison_type=0 at least one reference photo is required: attach image_ref1 (or image_ref2).',
    required: '{field} is required.',
    requiredWithComparison: '{field} is required with comparison_type=0.',
    onlyRef2:
      'image_ref2 is the only photo. The vendor asks for at least one of image_ref1/image_ref2; inferred: image_ref1 in particular may be expected, so put the main photo there to be safe.',
    tooLong: '{field} is {bytes} bytes of UTF-8; at most {limit} bytes are allowed.',
    notAbsoluteUrl: '{field} is not an absolute URL (expected e.g. https://example.com/path).',
    otherScheme:
      '{field} uses the scheme "{scheme}" (an app link?); the vendor documents http(s) URLs and does not rule others out, so it will be sent as typed.',
    badScheme: '{field} must use https or http, not {scheme}.',
    callbackPort: '{field} uses port {port}; the service only calls back on ports {ports}, so the callback will most likely never arrive.',
    callbackDefaultPort:
      '{field} uses port {port} (the default for http); the service only calls back on ports {ports}, so the callback will most likely never arrive.',
    plainHttp: '{field} uses plain HTTP: the vendor recommends HTTPS; over HTTP, verify the data of each callback with its sign.',
    notWhole: '{field} must be a whole number.',
    notWholeInRange: '{field} must be a whole number from {min} to {max}.',
    outsideOpenRange:
      '{field} is {value}, outside the documented {min} to {max}; the vendor does not say the service refuses it, so it will be sent as typed.',
    outsideRange: '{field} is {value}; allowed: {min} to {max}.',
    unlistedOpen:
      '{field} "{value}" is not among the known values ({allowed}); it will be sent as typed, and the service may refuse it with BAD_ARGUMENTS.',
    notAllowed: '{field} "{value}" is not allowed; allowed: {allowed}.',
    spaces: '{field} starts or ends with spaces, which will be sent as they are.',
    redirectNeedsGet: 'redirect_type only has an effect with action_http_method=GET.',
    notImage: '{field} is not an image: its content is not JPEG, PNG or another known image format.',
    otherFormat: '{field} is {format}; the accepted formats are not documented and every known client sends JPEG. Convert it to be safe.',
    photoTooBig: '{field} is {size}; uploads over {limit} are believed to be refused (HTTP 413). Downscale it.',
    photoTooManyPixels:
      '{field} is {width}×{height} px; sides over {limit} px are believed to be refused (INVALID_IMAGE_SIZE). Downscale it.',
    notCompared: '{field} is not compared with comparison_type=-1 (liveness only).',
  },
  id: {
    unknownParam:
      '{field} bukan parameter get_token yang terdokumentasi; akan dikirim apa adanya, dan layanan mungkin mengabaikan atau menolaknya.',
    credentialInForm: '{field} diambil dari profil dan tidak dapat diisi di formulir.',
    fileAsText: '{field} adalah file; lampirkan foto, bukan teks.',
    photoRequired: 'Dengan comparison_type=0 minimal satu foto referensi wajib ada: lampirkan image_ref1 (atau image_ref2).',
    required: '{field} wajib diisi.',
    requiredWithComparison: '{field} wajib diisi bila comparison_type=0.',
    onlyRef2:
      'image_ref2 adalah satu-satunya foto. Vendor meminta minimal satu dari image_ref1/image_ref2; kesimpulan kami: image_ref1 mungkin yang diharapkan, jadi agar aman letakkan foto utama di sana.',
    tooLong: '{field} berukuran {bytes} byte UTF-8; maksimal {limit} byte.',
    notAbsoluteUrl: '{field} bukan URL lengkap (contoh: https://example.com/path).',
    otherScheme:
      '{field} memakai skema "{scheme}" (tautan aplikasi?); vendor mendokumentasikan URL http(s) tetapi tidak melarang skema lain, jadi akan dikirim apa adanya.',
    badScheme: '{field} harus memakai https atau http, bukan {scheme}.',
    callbackPort:
      '{field} memakai port {port}; layanan hanya melakukan callback ke port {ports}, jadi callback kemungkinan besar tidak akan datang.',
    callbackDefaultPort:
      '{field} memakai port {port} (bawaan untuk http); layanan hanya melakukan callback ke port {ports}, jadi callback kemungkinan besar tidak akan datang.',
    plainHttp: '{field} memakai HTTP biasa: vendor menyarankan HTTPS; bila memakai HTTP, periksa data setiap callback dengan sign-nya.',
    notWhole: '{field} harus bilangan bulat.',
    notWholeInRange: '{field} harus bilangan bulat dari {min} sampai {max}.',
    outsideOpenRange:
      '{field} bernilai {value}, di luar rentang terdokumentasi {min} sampai {max}; vendor tidak menyebut layanan menolaknya, jadi akan dikirim apa adanya.',
    outsideRange: '{field} bernilai {value}; yang diizinkan: {min} sampai {max}.',
    unlistedOpen:
      '{field} "{value}" tidak termasuk nilai yang dikenal ({allowed}); akan dikirim apa adanya, dan layanan mungkin menolaknya dengan BAD_ARGUMENTS.',
    notAllowed: '{field} "{value}" tidak diizinkan; yang diizinkan: {allowed}.',
    spaces: '{field} diawali atau diakhiri spasi, dan spasi itu akan ikut terkirim.',
    redirectNeedsGet: 'redirect_type hanya berpengaruh bila action_http_method=GET.',
    notImage: '{field} bukan gambar: isinya bukan JPEG, PNG, atau format gambar lain yang dikenal.',
    otherFormat:
      '{field} berformat {format}; format yang diterima tidak didokumentasikan dan semua klien yang dikenal mengirim JPEG. Ubah ke JPEG agar aman.',
    photoTooBig: '{field} berukuran {size}; unggahan di atas {limit} diperkirakan ditolak (HTTP 413). Perkecil fotonya.',
    photoTooManyPixels:
      '{field} berukuran {width}×{height} px; sisi di atas {limit} px diperkirakan ditolak (INVALID_IMAGE_SIZE). Perkecil fotonya.',
    notCompared: '{field} tidak dicocokkan bila comparison_type=-1 (hanya liveness).',
  },
  zh: {
    unknownParam: '{field} 不是文档中的 get_token 参数；将按原样发送，服务可能忽略或拒绝。',
    credentialInForm: '{field} 取自配置，不能在表单中设置。',
    fileAsText: '{field} 是文件；请上传照片，而不是填写文字。',
    photoRequired: 'comparison_type=0 时至少需要一张参照照片：请上传 image_ref1（或 image_ref2）。',
    required: '{field} 为必选。',
    requiredWithComparison: 'comparison_type=0 时 {field} 为必选。',
    onlyRef2:
      'image_ref2 是唯一的照片。厂商要求 image_ref1/image_ref2 至少一张；据推断，服务可能特别需要 image_ref1，稳妥起见请把主照片放在 image_ref1。',
    tooLong: '{field} 为 {bytes} 字节（UTF-8）；最多允许 {limit} 字节。',
    notAbsoluteUrl: '{field} 不是完整的 URL（例如 https://example.com/path）。',
    otherScheme: '{field} 使用协议 "{scheme}"（应用链接？）；厂商文档只写了 http(s) URL，但未禁止其他协议，因此将按原样发送。',
    badScheme: '{field} 必须使用 https 或 http，而不是 {scheme}。',
    callbackPort: '{field} 使用端口 {port}；服务只回调端口 {ports}，因此很可能收不到回调。',
    callbackDefaultPort: '{field} 使用端口 {port}（http 的默认端口）；服务只回调端口 {ports}，因此很可能收不到回调。',
    plainHttp: '{field} 使用 HTTP：厂商建议使用 HTTPS；使用 HTTP 时，请用 sign 校验每次回调的 data。',
    notWhole: '{field} 必须是整数。',
    notWholeInRange: '{field} 必须是 {min} 到 {max} 之间的整数。',
    outsideOpenRange: '{field} 为 {value}，超出文档范围 {min} 到 {max}；厂商未说明服务会拒绝，因此将按原样发送。',
    outsideRange: '{field} 为 {value}；允许范围：{min} 到 {max}。',
    unlistedOpen: '{field} "{value}" 不在已知取值（{allowed}）中；将按原样发送，服务可能以 BAD_ARGUMENTS 拒绝。',
    notAllowed: '{field} "{value}" 不允许；允许的取值：{allowed}。',
    spaces: '{field} 开头或结尾有空格，空格会原样发送。',
    redirectNeedsGet: 'redirect_type 仅在 action_http_method=GET 时有效。',
    notImage: '{field} 不是图片：其内容不是 JPEG、PNG 或其他已知图片格式。',
    otherFormat: '{field} 为 {format} 格式；文档未说明接受哪些格式，已知客户端都发送 JPEG。稳妥起见请转换为 JPEG。',
    photoTooBig: '{field} 大小为 {size}；超过 {limit} 的上传估计会被拒绝（HTTP 413）。请缩小照片。',
    photoTooManyPixels: '{field} 为 {width}×{height} 像素；边长超过 {limit} 像素估计会被拒绝（INVALID_IMAGE_SIZE）。请缩小照片。',
    notCompared: 'comparison_type=-1（只进行活体检测）时，{field} 不参与比对。',
  },
});
