/**
 * Namespace `sandbox-page`: every sentence of the pages the sandbox shows in the customer's
 * browser (the liveness page, the INVALID_TOKEN page, the page for an unreadable outcome and the
 * return_url hand-off), in the token's `language` (core/i18n/customer-locale.ts). Only the Node
 * side renders them (core/i18n/render.ts), so the renderer does not register this namespace.
 *
 * Parameter names, error codes, statuses and values (`biz_no`, INVALID_TOKEN, PASS, FAIL,
 * fmp_mode=0 …) stay as the vendor spells them in every language; Chinese uses the vendor's
 * documentation terms (活体检测, 人脸比对, 回调).
 */
import { defineMessages } from '../../core/i18n/messages';

export const SANDBOX_PAGE_NS = 'sandbox-page';

export const sandboxPageMessages = defineMessages({
  en: {
    sandbox: 'FaceID sandbox',
    titled: '{page} — {sandbox}',
    liveness: {
      title: 'Liveness check',
      intro:
        "This page stands in for the customer's liveness check. Pick what happened: the sandbox ends the flow, sends the signed result to notify_url and takes this browser to return_url.",
      request: 'The verification',
      presets: 'One-click outcomes',
      custom: 'Custom outcome',
      finish: 'Finish the flow with this outcome',
    },
    value: {
      notSent: '(not sent)',
      defaultNotSent: '{value} (not sent)',
      compared: '{type} — liveness and comparison with {refs}',
      noPhoto: 'no uploaded photo',
      livenessOnly: '{type} — liveness only',
      expiry: '{unix} ({when})',
    },
    trusted: {
      title: 'Accepted on trust',
      note: 'The vendor has not confirmed these; the real service may answer differently.',
      answeredAs: 'answered as {value}',
    },
    status: {
      OK: 'the customer finished the check',
      FAILED: 'the flow broke off or errored',
      CANCELLED: 'the customer quit',
      TIMEOUT: 'the flow timed out',
      WEBRTC_UNSUPPORTED: 'the browser could not run the camera check',
    },
    legend: {
      withStatus: '{name} (with status {status})',
      withStatusAndLiveness: '{name} (with status {status} and liveness {liveness})',
      details: '{name} for {procedure} (with status {status})',
    },
    field: {
      confidence: '{name} confidence ({min}–{max})',
      fakeFace: '{name} ({min}–{max}, threshold {threshold})',
      shootingError: 'the page never received the recorded video',
      multipleFaces: 'several faces were seen',
    },
    note: {
      thresholds: 'Thresholds returned alongside: {list}.',
      fmpFolds: '{setting}: a score above its threshold turns the liveness result into {fail}.',
      fmpReports: '{setting}: the scores are reported but do not change the liveness result.',
      details:
        'Leave a counter empty for its default: one upload and no refusal with liveness {pass}; {failed} uploads, each refused for {code}, with {fail}.',
      detailsInferred: 'The vendor documents no keys for {procedure}: these are the sandbox’s inference.',
    },
    preset: {
      passed: { label: 'Passed', describe: 'OK, liveness PASS, same person' },
      'no-match': { label: 'Different person', describe: 'OK, liveness PASS, comparison confidence {confidence} (below every threshold)' },
      'liveness-failed': { label: 'Liveness failed', describe: 'OK, liveness FAIL' },
      'screen-replay': {
        label: 'Screen replay suspected',
        describe: 'OK, screen_replay_confidence {confidence} (FAIL with fmp_mode=0, a score only with fmp_mode=1)',
      },
      failed: { label: 'Flow failed', describe: 'FAILED (and shooting_error true when asked)' },
      cancelled: { label: 'Cancelled', describe: 'CANCELLED: the customer quit' },
      timeout: { label: 'Timed out', describe: 'TIMEOUT' },
      'webrtc-unsupported': { label: 'Camera denied', describe: 'WEBRTC_UNSUPPORTED (fail_reason PERMISSIONS_ERROR when asked)' },
    },
    invalid: {
      title: 'Invalid liveness link',
      heading: 'This liveness link cannot be used',
      unknown: 'this sandbox never issued this token (or it was issued by an earlier run).',
      used: 'the flow for this token already ended; a token works once.',
      usedBizNo: 'the flow for this token already ended (biz_no {bizNo}); a token works once.',
      expired: 'the token expired.',
      expiredAt: 'the token expired at {when} (expired_time {unix}).',
      advice: 'Ask for a new link: the merchant issues a new token (with a new biz_no) for each attempt.',
    },
    bad: {
      title: 'Outcome not understood',
      heading: 'The outcome could not be read',
      running: 'The flow is still running.',
      back: 'Back to the liveness page',
      noForm: 'The page sent no readable form.',
      preset: 'There is no preset "{preset}" for this token.',
      oneOf: '{name} must be one of {list}, not "{value}".',
      number: '{name} must be a number from {min} to {max}, not "{value}".',
      wholeNumber: '{name} must be a whole number from {min} to {max}, not "{value}".',
    },
    handOff: {
      title: 'Returning to the merchant',
      heading: 'The check is finished',
      wait: 'Returning you to the merchant…',
      continue: 'Continue',
    },
  },
  id: {
    sandbox: 'Sandbox FaceID',
    titled: '{page} — {sandbox}',
    liveness: {
      title: 'Pemeriksaan liveness',
      intro:
        'Halaman ini menggantikan pemeriksaan liveness nasabah. Pilih apa yang terjadi: sandbox mengakhiri alur, mengirim hasil yang ditandatangani ke notify_url, lalu membawa browser ini ke return_url.',
      request: 'Data verifikasi',
      presets: 'Hasil sekali klik',
      custom: 'Hasil khusus',
      finish: 'Akhiri alur dengan hasil ini',
    },
    value: {
      notSent: '(tidak dikirim)',
      defaultNotSent: '{value} (tidak dikirim)',
      compared: '{type} — liveness dan pencocokan wajah dengan {refs}',
      noPhoto: 'tidak ada foto yang diunggah',
      livenessOnly: '{type} — hanya liveness',
      expiry: '{unix} ({when})',
    },
    trusted: {
      title: 'Diterima tanpa konfirmasi',
      note: 'Vendor belum mengonfirmasi nilai-nilai ini; layanan sebenarnya bisa menjawab lain.',
      answeredAs: 'dijawab sebagai {value}',
    },
    status: {
      OK: 'nasabah menyelesaikan pemeriksaan',
      FAILED: 'alur terputus atau mengalami galat',
      CANCELLED: 'nasabah membatalkan',
      TIMEOUT: 'waktu alur habis',
      WEBRTC_UNSUPPORTED: 'browser tidak dapat menjalankan pemeriksaan kamera',
    },
    legend: {
      withStatus: '{name} (dengan status {status})',
      withStatusAndLiveness: '{name} (dengan status {status} dan liveness {liveness})',
      details: '{name} untuk {procedure} (dengan status {status})',
    },
    field: {
      confidence: 'Tingkat keyakinan {name} ({min}–{max})',
      fakeFace: '{name} ({min}–{max}, ambang {threshold})',
      shootingError: 'halaman tidak pernah menerima video rekaman',
      multipleFaces: 'terlihat lebih dari satu wajah',
    },
    note: {
      thresholds: 'Ambang batas yang dikirim bersama hasil: {list}.',
      fmpFolds: '{setting}: skor di atas ambangnya mengubah hasil liveness menjadi {fail}.',
      fmpReports: '{setting}: skor dilaporkan, tetapi tidak mengubah hasil liveness.',
      details:
        'Biarkan penghitung kosong untuk nilai bawaannya: satu unggahan tanpa penolakan dengan liveness {pass}; {failed} unggahan, masing-masing ditolak karena {code}, dengan {fail}.',
      detailsInferred: 'Vendor tidak mendokumentasikan kunci untuk {procedure}: kunci ini adalah perkiraan sandbox.',
    },
    preset: {
      passed: { label: 'Lolos', describe: 'OK, liveness PASS, orang yang sama' },
      'no-match': { label: 'Orang lain', describe: 'OK, liveness PASS, tingkat keyakinan pencocokan {confidence} (di bawah semua ambang)' },
      'liveness-failed': { label: 'Liveness gagal', describe: 'OK, liveness FAIL' },
      'screen-replay': {
        label: 'Dugaan tayangan ulang layar',
        describe: 'OK, screen_replay_confidence {confidence} (FAIL dengan fmp_mode=0, hanya skor dengan fmp_mode=1)',
      },
      failed: { label: 'Alur gagal', describe: 'FAILED (dan shooting_error true bila diminta)' },
      cancelled: { label: 'Dibatalkan', describe: 'CANCELLED: nasabah membatalkan' },
      timeout: { label: 'Waktu habis', describe: 'TIMEOUT' },
      'webrtc-unsupported': { label: 'Akses kamera ditolak', describe: 'WEBRTC_UNSUPPORTED (fail_reason PERMISSIONS_ERROR bila diminta)' },
    },
    invalid: {
      title: 'Tautan liveness tidak berlaku',
      heading: 'Tautan liveness ini tidak dapat digunakan',
      unknown: 'sandbox ini tidak pernah menerbitkan token ini (atau token diterbitkan oleh sesi sebelumnya).',
      used: 'alur untuk token ini sudah berakhir; satu token hanya berlaku sekali.',
      usedBizNo: 'alur untuk token ini sudah berakhir (biz_no {bizNo}); satu token hanya berlaku sekali.',
      expired: 'token sudah kedaluwarsa.',
      expiredAt: 'token kedaluwarsa pada {when} (expired_time {unix}).',
      advice: 'Mintalah tautan baru: merchant menerbitkan token baru (dengan biz_no baru) untuk setiap percobaan.',
    },
    bad: {
      title: 'Hasil tidak dipahami',
      heading: 'Hasil tidak dapat dibaca',
      running: 'Alur masih berjalan.',
      back: 'Kembali ke halaman liveness',
      noForm: 'Halaman tidak mengirim formulir yang dapat dibaca.',
      preset: 'Tidak ada preset "{preset}" untuk token ini.',
      oneOf: '{name} harus salah satu dari {list}, bukan "{value}".',
      number: '{name} harus berupa angka dari {min} sampai {max}, bukan "{value}".',
      wholeNumber: '{name} harus berupa bilangan bulat dari {min} sampai {max}, bukan "{value}".',
    },
    handOff: {
      title: 'Kembali ke merchant',
      heading: 'Pemeriksaan selesai',
      wait: 'Anda sedang dikembalikan ke merchant…',
      continue: 'Lanjutkan',
    },
  },
  zh: {
    sandbox: 'FaceID 沙箱',
    titled: '{page} — {sandbox}',
    liveness: {
      title: '活体检测',
      intro: '本页面模拟用户的活体检测。请选择发生的情况：沙箱将结束流程，把已签名的结果发送到 notify_url，并将本浏览器跳转到 return_url。',
      request: '本次验证',
      presets: '一键结果',
      custom: '自定义结果',
      finish: '以此结果结束流程',
    },
    value: {
      notSent: '（未传）',
      defaultNotSent: '{value}（未传）',
      compared: '{type} — 活体检测并与{refs}进行人脸比对',
      noPhoto: '无上传的照片',
      livenessOnly: '{type} — 仅活体检测',
      expiry: '{unix}（{when}）',
    },
    trusted: {
      title: '未经确认而接受',
      note: '厂商尚未确认以下取值；真实服务的响应可能不同。',
      answeredAs: '按 {value} 处理',
    },
    status: {
      OK: '用户完成了检测',
      FAILED: '流程中断或出错',
      CANCELLED: '用户主动退出',
      TIMEOUT: '流程超时',
      WEBRTC_UNSUPPORTED: '浏览器无法进行摄像头检测',
    },
    legend: {
      withStatus: '{name}（status 为 {status} 时）',
      withStatusAndLiveness: '{name}（status 为 {status} 且活体检测结果为 {liveness} 时）',
      details: '{procedure} 的 {name}（status 为 {status} 时）',
    },
    field: {
      confidence: '{name} 置信度（{min}–{max}）',
      fakeFace: '{name}（{min}–{max}，阈值 {threshold}）',
      shootingError: '页面始终未收到录制的视频',
      multipleFaces: '检测到多张人脸',
    },
    note: {
      thresholds: '随结果返回的阈值：{list}。',
      fmpFolds: '{setting}：分数高于阈值时，活体检测结果变为 {fail}。',
      fmpReports: '{setting}：只返回分数，不改变活体检测结果。',
      details: '计数留空即取默认值：活体检测为 {pass} 时上传一次、无拒绝；为 {fail} 时上传 {failed} 次，每次均因 {code} 被拒。',
      detailsInferred: '厂商未公开 {procedure} 的字段：以下字段为沙箱的推断。',
    },
    preset: {
      passed: { label: '通过', describe: 'OK，活体 PASS，同一人' },
      'no-match': { label: '不是同一人', describe: 'OK，活体 PASS，比对置信度 {confidence}（低于所有阈值）' },
      'liveness-failed': { label: '活体检测未通过', describe: 'OK，活体 FAIL' },
      'screen-replay': {
        label: '疑似屏幕翻拍',
        describe: 'OK，screen_replay_confidence {confidence}（fmp_mode=0 时为 FAIL，fmp_mode=1 时仅返回分数）',
      },
      failed: { label: '流程失败', describe: 'FAILED（如有请求，shooting_error 为 true）' },
      cancelled: { label: '已取消', describe: 'CANCELLED：用户主动退出' },
      timeout: { label: '已超时', describe: 'TIMEOUT' },
      'webrtc-unsupported': { label: '摄像头权限被拒绝', describe: 'WEBRTC_UNSUPPORTED（如有请求，fail_reason 为 PERMISSIONS_ERROR）' },
    },
    invalid: {
      title: '活体检测链接无效',
      heading: '此活体检测链接无法使用',
      unknown: '本沙箱从未签发过此 token（或它由之前一次运行签发）。',
      used: '此 token 的流程已结束；一个 token 只能使用一次。',
      usedBizNo: '此 token 的流程已结束（biz_no {bizNo}）；一个 token 只能使用一次。',
      expired: '此 token 已过期。',
      expiredAt: '此 token 已于 {when} 过期（expired_time {unix}）。',
      advice: '请索取新的链接：商户每次尝试都会签发新的 token（使用新的 biz_no）。',
    },
    bad: {
      title: '无法识别的结果',
      heading: '无法读取所选结果',
      running: '流程仍在进行中。',
      back: '返回活体检测页面',
      noForm: '页面未发送可读取的表单。',
      preset: '此 token 没有名为 "{preset}" 的预设。',
      oneOf: '{name} 必须是 {list} 之一，而不是 "{value}"。',
      number: '{name} 必须是 {min} 到 {max} 之间的数字，而不是 "{value}"。',
      wholeNumber: '{name} 必须是 {min} 到 {max} 之间的整数，而不是 "{value}"。',
    },
    handOff: {
      title: '正在返回商户',
      heading: '检测已完成',
      wait: '正在返回商户页面…',
      continue: '继续',
    },
  },
});
