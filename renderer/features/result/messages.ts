/**
 * Namespace `result`: the words around the outcome of a call — the result panel of the Expert view
 * and the history's outcome facts — and the copy button they share. Field names (token, biz_id,
 * request_id, expired_time) are the vendor's and are not in this table.
 */
import { defineMessages } from '../../../core/i18n/messages';

export const resultMessages = defineMessages({
  en: {
    copy: { label: 'Copy {what}', idle: 'Copy', copied: 'Copied', failed: 'Copy failed' },
    idle: {
      label: 'Result',
      title: 'No token issued yet',
      lead: 'Fill in the form and press',
      issue: 'Issue token',
      trail: '. The built-in sandbox answers like the real service, with no credentials needed.',
    },
    sending: { label: 'Issuing', title: 'Issuing token…', cancel: 'Cancel' },
    notSent: { label: 'Not sent', invalid: 'Not sent: the request is invalid', title: 'Not sent' },
    issued: {
      label: 'Token issued',
      title: 'Token issued',
      expiresIn: 'Expires in',
      expiredAt: 'Expired at {time}',
      timeUsed: '{timeUsed} ms (round trip {elapsed} ms)',
    },
    failed: { label: 'Call failed', unknownLabel: 'Outcome unknown', unknownTitle: 'Outcome unknown: {title}' },
    unknownWarning:
      'A token may have been issued. Do not reuse this biz_no; issue again with a new one only once you know the first call did not go through.',
    newBizNo: 'New biz_no',
    warnings: 'Warnings',
    facts: { code: 'code', field: 'field', httpStatus: 'HTTP status', errorCode: 'error code', message: 'message', roundTrip: 'round trip', ms: '{ms} ms' },
    provenance: 'Where this code comes from: {where}.',
    consoleCode: 'This code is the console’s own (no answer from the service to quote).',
    unknownCode: 'This code is not in the service documentation the console knows.',
    reasons: 'Reasons the vendor documents: {reasons}.',
    expiredUnit: 'expired_time is read as Unix seconds [inferred]: the vendor calls it the token’s expiry without naming the unit.',
    bodyKeyNote: 'Received under “{received}”; the vendor documents this code under “{documented}”.',
    outcome: {
      label: 'Outcome',
      valid: 'Token valid, expires in',
      expired: 'Token expired',
      unknownLabel: 'Outcome unknown',
      unknownStrong: 'This call was sent, but no answer came back.',
      unknownText:
        'The service may have issued a token for biz_no {bizNo}. Do not retry it with the same biz_no: biz_no must be unique, and a second call could create a second verification. Check with the service (get_result by biz_id, if you learn it) or call again with a new biz_no.',
      clone: 'Clone with a new biz_no',
      pending:
        'No answer is recorded yet: the call is still in flight, or the console stopped during it (it then shows as “unknown outcome” from the next start).',
    },
  },
  id: {
    copy: { label: 'Salin {what}', idle: 'Salin', copied: 'Tersalin', failed: 'Gagal menyalin' },
    idle: {
      label: 'Hasil',
      title: 'Belum ada token yang diterbitkan',
      lead: 'Isi formulir lalu tekan',
      issue: 'Terbitkan token',
      trail: '. Sandbox bawaan menjawab seperti layanan sungguhan, tanpa perlu kredensial.',
    },
    sending: { label: 'Menerbitkan', title: 'Menerbitkan token…', cancel: 'Batal' },
    notSent: { label: 'Tidak terkirim', invalid: 'Tidak terkirim: permintaan tidak valid', title: 'Tidak terkirim' },
    issued: {
      label: 'Token diterbitkan',
      title: 'Token diterbitkan',
      expiresIn: 'Kedaluwarsa dalam',
      expiredAt: 'Kedaluwarsa pada {time}',
      timeUsed: '{timeUsed} md (pulang-pergi {elapsed} md)',
    },
    failed: { label: 'Panggilan gagal', unknownLabel: 'Hasil tidak diketahui', unknownTitle: 'Hasil tidak diketahui: {title}' },
    unknownWarning:
      'Token mungkin sudah diterbitkan. Jangan pakai ulang biz_no ini; terbitkan lagi dengan biz_no baru hanya setelah Anda yakin panggilan pertama tidak berhasil.',
    newBizNo: 'biz_no baru',
    warnings: 'Peringatan',
    facts: { code: 'kode', field: 'kolom', httpStatus: 'status HTTP', errorCode: 'kode error', message: 'pesan', roundTrip: 'pulang-pergi', ms: '{ms} md' },
    provenance: 'Asal kode ini: {where}.',
    consoleCode: 'Kode ini milik konsol sendiri (tidak ada jawaban layanan yang bisa dikutip).',
    unknownCode: 'Kode ini tidak ada di dokumentasi layanan yang dikenal konsol.',
    reasons: 'Alasan yang didokumentasikan vendor: {reasons}.',
    expiredUnit: 'expired_time dibaca sebagai detik Unix [kesimpulan]: vendor menyebutnya masa berlaku token tanpa menyebut satuannya.',
    bodyKeyNote: 'Diterima di “{received}”; vendor mendokumentasikan kode ini di “{documented}”.',
    outcome: {
      label: 'Hasil panggilan',
      valid: 'Token berlaku, kedaluwarsa dalam',
      expired: 'Token kedaluwarsa',
      unknownLabel: 'Hasil tidak diketahui',
      unknownStrong: 'Panggilan ini sudah terkirim, tetapi tidak ada jawaban.',
      unknownText:
        'Layanan mungkin sudah menerbitkan token untuk biz_no {bizNo}. Jangan ulangi dengan biz_no yang sama: biz_no harus unik, dan panggilan kedua bisa membuat verifikasi kedua. Periksa ke layanan (get_result dengan biz_id, bila Anda mengetahuinya) atau panggil lagi dengan biz_no baru.',
      clone: 'Salin dengan biz_no baru',
      pending:
        'Belum ada jawaban yang tercatat: panggilan masih berjalan, atau konsol berhenti saat panggilan (sejak start berikutnya tampil sebagai “hasil tidak diketahui”).',
    },
  },
  zh: {
    copy: { label: '复制 {what}', idle: '复制', copied: '已复制', failed: '复制失败' },
    idle: {
      label: '结果',
      title: '尚未签发 token',
      lead: '填写表单后点击',
      issue: '获取 token',
      trail: '。内置沙盒的应答与真实服务相同，无需凭证。',
    },
    sending: { label: '正在获取', title: '正在获取 token…', cancel: '取消' },
    notSent: { label: '未发送', invalid: '未发送：请求无效', title: '未发送' },
    issued: {
      label: 'token 已签发',
      title: 'token 已签发',
      expiresIn: '剩余有效时间',
      expiredAt: '已于 {time} 过期',
      timeUsed: '{timeUsed} 毫秒（往返 {elapsed} 毫秒）',
    },
    failed: { label: '调用失败', unknownLabel: '结果未知', unknownTitle: '结果未知：{title}' },
    unknownWarning: 'token 可能已经签发。请勿重复使用此 biz_no；只有确认第一次调用未成功后，才可用新的 biz_no 重新获取。',
    newBizNo: '新的 biz_no',
    warnings: '警告',
    facts: { code: '错误码', field: '字段', httpStatus: 'HTTP 状态码', errorCode: '错误码', message: '信息', roundTrip: '往返', ms: '{ms} 毫秒' },
    provenance: '该错误码的来源：{where}。',
    consoleCode: '这是控制台自己的错误码（没有可引用的服务应答）。',
    unknownCode: '该错误码不在控制台已知的服务文档中。',
    reasons: '厂商记载的原因：{reasons}。',
    expiredUnit: 'expired_time 按 Unix 秒解读［推断］：厂商称其为 token 的过期时间，但未说明单位。',
    bodyKeyNote: '在“{received}”下收到；厂商文档中该错误码位于“{documented}”下。',
    outcome: {
      label: '调用结果',
      valid: 'token 有效，剩余时间',
      expired: 'token 已过期',
      unknownLabel: '结果未知',
      unknownStrong: '该调用已发出，但没有收到应答。',
      unknownText:
        '服务可能已为业务流水号 biz_no {bizNo} 签发了 token。请勿用相同的 biz_no 重试：biz_no 必须唯一，第二次调用可能产生第二笔验证。请向服务查询（如已知 biz_id，可用 get_result 查询），或用新的 biz_no 重新调用。',
      clone: '用新的 biz_no 复制',
      pending: '尚未记录应答：调用仍在进行中，或控制台在调用期间停止（下次启动后显示为“结果未知”）。',
    },
  },
});
