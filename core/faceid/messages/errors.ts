/**
 * Namespace `errors`: the error catalogue's words (core/faceid/errors.ts) — each code's title, what
 * it means and what to do next — plus what a single call adds (the reason the service gave, the
 * first bytes of an unreadable answer, how a transfer broke off). Codes and parameter names stay
 * as the vendor spells them; `{…}` placeholders carry quoted service text and numbers.
 */
import { defineMessages } from '../../i18n/messages';

export const errorsMessages = defineMessages({
  en: {
    codes: {
      MISSING_ARGUMENTS: {
        title: 'A required parameter is missing',
        explanation: 'The service did not receive a parameter it needs.',
        next: 'Fill in the highlighted field.',
      },
      BAD_ARGUMENTS: {
        title: 'A parameter has a value the service refuses',
        explanation:
          'The value could not be parsed, is too long, or is not one the service allows (for example an unknown scene_id or procedure_type).',
        next: 'Correct the highlighted field.',
      },
      IMAGE_ERROR_UNSUPPORTED_FORMAT: {
        title: 'A reference photo cannot be decoded',
        explanation: 'The file is not an image the service can read, or it is damaged.',
        next: 'Use a complete JPEG.',
      },
      NO_FACE_FOUND: {
        title: 'No face in a reference photo',
        explanation: 'The service found no face in either reference photo (it does not say which).',
        onePhoto: 'The service found no face in {photo} (the only reference photo sent).',
        next: 'Use clear, front-facing photos; for a sideways photo, try multi_oriented_detection=1.',
      },
      MULTIPLE_FACES: {
        title: 'Several faces in a reference photo',
        explanation: 'Either reference photo shows more than one face (the service does not say which).',
        onePhoto: '{photo} shows more than one face (the only reference photo sent).',
        next: 'Crop it to the customer, or send fail_when_ref_multiple_faces=0 to use the largest face.',
      },
      INVALID_IMAGE_SIZE: {
        title: 'A reference photo is too large in pixels',
        explanation: 'A side of the photo is over 4096 pixels.',
        next: 'Downscale it and try again.',
      },
      AUTHENTICATION_ERROR: {
        title: 'The API key and secret do not match',
        explanation: "The service did not accept the profile's api_key/api_secret.",
        next: "Check the profile's credentials and region.",
      },
      AUTHORIZATION_ERROR: {
        title: 'This key may not do this',
        explanation: 'The key is disabled, out of quota, or has no permission for this API or mode.',
        next: 'The reason from the service is shown; ask your FaceID account manager.',
      },
      CONCURRENCY_LIMIT_EXCEEDED: {
        title: 'Too many calls at once',
        explanation: 'The account reached its concurrency limit.',
        next: 'Wait a moment and issue again with a new biz_no.',
      },
      API_NOT_FOUND: {
        title: 'Wrong API address',
        explanation: 'The service does not know this path.',
        next: "Check the profile's base URL and region.",
      },
      INTERNAL_ERROR: {
        title: 'The service failed internally',
        explanation: 'The service could not complete the call.',
        next: 'Retry with a new biz_no; if it persists, contact FaceID support with the request_id.',
      },
      REQUEST_ENTITY_TOO_LARGE: {
        title: 'The upload is too large',
        explanation: 'The request was refused for its size (the limit is believed to be 2 MB).',
        next: 'Downscale the reference photos.',
      },
      RESULT_NOT_FOUND: {
        title: 'No result for this biz_id',
        explanation: 'The service has no verification with this biz_id (wrong id, other account, or not finished).',
        next: 'Check the biz_id and the active profile, or fetch again once the customer has finished.',
      },
      DATA_DESTROYED: {
        title: 'The result is no longer available',
        explanation:
          'The service keeps a verification result for one day after the flow ends and answers get_result for it at most three times; this result was already fetched three times or is older than a day.',
        next: 'Use the copy the console stored, or the callback data.',
      },
      INVALID_TOKEN: {
        title: 'The liveness link is not valid',
        explanation:
          'The token in the liveness link is unknown, was already used, or has expired. A token works once and only until its expired_time.',
        next: 'Issue a new token (with a new biz_no) and give the customer the new link.',
      },
      UNEXPECTED_RESPONSE: {
        title: 'The answer is not what the service sends',
        explanation:
          'The reply was not the JSON the service answers with, for example an HTML page from a proxy. The status and the first bytes are quoted; the call may or may not have been processed.',
        next: 'Look the call up in the history before issuing again.',
      },
      UNKNOWN_SERVICE_ERROR: {
        title: 'An error the console does not know',
        explanation: 'The service answered with an error code that is not in its documentation. It is quoted as received.',
        next: 'Ask FaceID support what the code means, quoting the request_id.',
      },
      NETWORK_ERROR: {
        title: 'The service could not be reached',
        explanation: 'No connection could be made (address, DNS, TLS or firewall). Nothing was sent.',
        next: "Check the network and the profile's region, then try again.",
      },
      TIMEOUT: {
        title: 'No answer in time',
        explanation: 'The request was sent but no answer came back in time. A token may have been issued.',
        next: 'Do not reuse this biz_no; look the call up later.',
      },
      CONNECTION_LOST: {
        title: 'The connection broke during the call',
        explanation: 'The connection was closed before the answer was complete. A token may have been issued.',
        next: 'Do not reuse this biz_no.',
      },
      INTERRUPTED: {
        title: 'The console stopped during the call',
        explanation: 'The console stopped before the answer arrived; a token may have been issued.',
        next: 'Do not reuse this biz_no; fetch the result by biz_id if the token was issued.',
      },
      CANCELLED: {
        title: 'Cancelled',
        explanation: 'You cancelled the call. If it had already been sent, a token may have been issued.',
        next: 'Look the call up in the history before issuing again.',
      },
    },
    context: {
      reason: 'Reason given: “{reason}”.',
      received: 'Received: “{message}”.',
      receivedWithStatus: 'Received: “{message}” (HTTP {status}).',
      body: 'HTTP {status}, body starts: {preview}',
      emptyBody: 'HTTP {status}, empty body.',
      successWithout: 'HTTP {status}: a success answer without {missing}; body starts: {preview}',
      badBaseUrl: 'Bad base URL: {detail}',
      notSent: 'The request was not completely sent, so the service cannot have issued a token; it is safe to try again.',
      mayHaveCounted:
        'The request reached the service but no complete answer came back: the service may have counted this call as one of the three fetches it allows for a result.',
      notCounted: 'The request was not completely sent, so no fetch was counted; it is safe to try again.',
      cancelledBeforeAnything: 'Cancelled before anything was sent.',
      cancelledAfterSent: 'Cancelled after the request was sent.',
      cancelledWhileSending: 'Cancelled before the request was completely sent.',
      cutOff: 'The answer (HTTP {status}) was cut off.',
      connectTimeout: 'No connection could be made within {seconds} s.',
      answerTimeout: 'No complete answer came within {seconds} s.',
      refused: 'The connection was refused (nothing listens at that address): {detail}.',
      dns: 'The host name could not be resolved (DNS): {detail}.',
      tls: 'The TLS connection could not be set up ({code}).',
      system: '{detail}.',
    },
    issue: {
      photoNotStaged: 'Nothing was sent: the photo for {field} is no longer staged ({reason}); attach it again.',
      profileNotFound: 'No profile with id "{id}".',
      invalid: 'Nothing was sent: {count, plural, one {# field} other {# fields}} to correct ({fields}).',
      noSecret: 'The profile "{profile}" has no api_secret; enter it in the profile first.',
      inFlight: 'A call with id {id} is already in flight.',
      alreadyMade: 'A call with id {id} was already made; every call needs a new id.',
    },
    provenance: {
      official: 'documented for the overseas edition (sources: {sources})',
      china: 'documented for the China edition only (sources: {sources})',
      'third-party': 'seen only in third-party code (sources: {sources})',
      inferred: 'our inference (sources: {sources})',
    },
    photo: {
      undecodable: 'The photo could not be read as an image.',
      cannotFit: 'The photo could not be brought under {max}.',
      notKept: 'That photo was not kept (only its hash is stored unless photo keeping is on).',
      keptChanged: 'The kept copy of that photo no longer matches its recorded SHA-256.',
    },
  },
  id: {
    codes: {
      MISSING_ARGUMENTS: {
        title: 'Ada parameter wajib yang kosong',
        explanation: 'Layanan tidak menerima parameter yang dibutuhkannya.',
        next: 'Isi kolom yang ditandai.',
      },
      BAD_ARGUMENTS: {
        title: 'Nilai parameter ditolak layanan',
        explanation:
          'Nilainya tidak dapat dibaca, terlalu panjang, atau tidak diizinkan layanan (misalnya scene_id atau procedure_type yang tidak dikenal).',
        next: 'Perbaiki kolom yang ditandai.',
      },
      IMAGE_ERROR_UNSUPPORTED_FORMAT: {
        title: 'Foto referensi tidak dapat dibaca',
        explanation: 'File tersebut bukan gambar yang dapat dibaca layanan, atau rusak.',
        next: 'Gunakan file JPEG yang utuh.',
      },
      NO_FACE_FOUND: {
        title: 'Tidak ada wajah di foto referensi',
        explanation: 'Layanan tidak menemukan wajah di salah satu foto referensi (tidak disebutkan yang mana).',
        onePhoto: 'Layanan tidak menemukan wajah di {photo} (satu-satunya foto referensi yang dikirim).',
        next: 'Gunakan foto yang jelas dan menghadap depan; untuk foto yang miring, coba multi_oriented_detection=1.',
      },
      MULTIPLE_FACES: {
        title: 'Ada beberapa wajah di foto referensi',
        explanation: 'Salah satu foto referensi berisi lebih dari satu wajah (tidak disebutkan yang mana).',
        onePhoto: '{photo} berisi lebih dari satu wajah (satu-satunya foto referensi yang dikirim).',
        next: 'Potong foto hingga hanya wajah nasabah, atau kirim fail_when_ref_multiple_faces=0 agar wajah terbesar yang dipakai.',
      },
      INVALID_IMAGE_SIZE: {
        title: 'Ukuran piksel foto referensi terlalu besar',
        explanation: 'Salah satu sisi foto lebih dari 4096 piksel.',
        next: 'Perkecil fotonya lalu coba lagi.',
      },
      AUTHENTICATION_ERROR: {
        title: 'API key dan secret tidak cocok',
        explanation: 'Layanan tidak menerima api_key/api_secret dari profil ini.',
        next: 'Periksa kredensial dan region profil.',
      },
      AUTHORIZATION_ERROR: {
        title: 'Key ini tidak berhak melakukannya',
        explanation: 'Key dinonaktifkan, kuotanya habis, atau tidak punya izin untuk API atau mode ini.',
        next: 'Alasan dari layanan ditampilkan; hubungi account manager FaceID Anda.',
      },
      CONCURRENCY_LIMIT_EXCEEDED: {
        title: 'Terlalu banyak panggilan bersamaan',
        explanation: 'Akun sudah mencapai batas panggilan bersamaan.',
        next: 'Tunggu sebentar, lalu terbitkan lagi dengan biz_no baru.',
      },
      API_NOT_FOUND: {
        title: 'Alamat API salah',
        explanation: 'Layanan tidak mengenal alamat ini.',
        next: 'Periksa base URL dan region profil.',
      },
      INTERNAL_ERROR: {
        title: 'Terjadi gangguan internal di layanan',
        explanation: 'Layanan tidak dapat menyelesaikan panggilan.',
        next: 'Coba lagi dengan biz_no baru; bila terus terjadi, hubungi dukungan FaceID dengan menyertakan request_id.',
      },
      REQUEST_ENTITY_TOO_LARGE: {
        title: 'Unggahan terlalu besar',
        explanation: 'Permintaan ditolak karena ukurannya (batasnya diperkirakan 2 MB).',
        next: 'Perkecil foto referensi.',
      },
      RESULT_NOT_FOUND: {
        title: 'Tidak ada hasil untuk biz_id ini',
        explanation: 'Layanan tidak memiliki verifikasi dengan biz_id ini (ID salah, akun lain, atau belum selesai).',
        next: 'Periksa biz_id dan profil yang aktif, atau ambil lagi setelah nasabah selesai.',
      },
      DATA_DESTROYED: {
        title: 'Hasil sudah tidak tersedia',
        explanation:
          'Layanan menyimpan hasil verifikasi selama satu hari setelah alur selesai dan menjawab get_result paling banyak tiga kali; hasil ini sudah diambil tiga kali atau sudah lebih dari satu hari.',
        next: 'Gunakan salinan yang disimpan konsol, atau data callback.',
      },
      INVALID_TOKEN: {
        title: 'Tautan liveness tidak berlaku',
        explanation:
          'Token di tautan liveness tidak dikenal, sudah dipakai, atau kedaluwarsa. Token hanya berlaku sekali dan sampai expired_time-nya.',
        next: 'Terbitkan token baru (dengan biz_no baru) dan berikan tautan baru kepada nasabah.',
      },
      UNEXPECTED_RESPONSE: {
        title: 'Jawaban bukan dari layanan',
        explanation:
          'Balasan bukan JSON yang biasa dikirim layanan, misalnya halaman HTML dari proxy. Status dan awal isinya dikutip; panggilan mungkin sudah diproses, mungkin juga belum.',
        next: 'Periksa panggilan ini di riwayat sebelum menerbitkan lagi.',
      },
      UNKNOWN_SERVICE_ERROR: {
        title: 'Error yang tidak dikenal konsol',
        explanation: 'Layanan menjawab dengan kode error yang tidak ada di dokumentasinya. Kode dikutip apa adanya.',
        next: 'Tanyakan arti kode itu ke dukungan FaceID, dengan menyertakan request_id.',
      },
      NETWORK_ERROR: {
        title: 'Layanan tidak dapat dihubungi',
        explanation: 'Koneksi tidak dapat dibuat (alamat, DNS, TLS, atau firewall). Tidak ada yang terkirim.',
        next: 'Periksa jaringan dan region profil, lalu coba lagi.',
      },
      TIMEOUT: {
        title: 'Tidak ada jawaban tepat waktu',
        explanation: 'Permintaan sudah terkirim, tetapi jawaban tidak datang tepat waktu. Token mungkin sudah diterbitkan.',
        next: 'Jangan pakai ulang biz_no ini; periksa panggilan ini nanti.',
      },
      CONNECTION_LOST: {
        title: 'Koneksi terputus saat panggilan',
        explanation: 'Koneksi terputus sebelum jawaban lengkap diterima. Token mungkin sudah diterbitkan.',
        next: 'Jangan pakai ulang biz_no ini.',
      },
      INTERRUPTED: {
        title: 'Konsol berhenti saat panggilan berlangsung',
        explanation: 'Konsol berhenti sebelum jawaban diterima; token mungkin sudah diterbitkan.',
        next: 'Jangan pakai ulang biz_no ini; ambil hasilnya dengan biz_id bila token sudah diterbitkan.',
      },
      CANCELLED: {
        title: 'Dibatalkan',
        explanation: 'Anda membatalkan panggilan. Bila sudah terkirim, token mungkin sudah diterbitkan.',
        next: 'Periksa panggilan ini di riwayat sebelum menerbitkan lagi.',
      },
    },
    context: {
      reason: 'Alasan yang diberikan: “{reason}”.',
      received: 'Diterima: “{message}”.',
      receivedWithStatus: 'Diterima: “{message}” (HTTP {status}).',
      body: 'HTTP {status}, awal isi: {preview}',
      emptyBody: 'HTTP {status}, isi kosong.',
      successWithout: 'HTTP {status}: jawaban sukses tanpa {missing}; awal isi: {preview}',
      badBaseUrl: 'Base URL salah: {detail}',
      notSent: 'Permintaan tidak terkirim sepenuhnya, jadi layanan tidak mungkin menerbitkan token; aman untuk dicoba lagi.',
      mayHaveCounted:
        'Permintaan sampai ke layanan, tetapi jawaban lengkap tidak diterima: layanan mungkin sudah menghitungnya sebagai salah satu dari tiga kali pengambilan hasil yang diizinkan.',
      notCounted: 'Permintaan tidak terkirim sepenuhnya, jadi tidak ada pengambilan yang terhitung; aman untuk dicoba lagi.',
      cancelledBeforeAnything: 'Dibatalkan sebelum ada yang terkirim.',
      cancelledAfterSent: 'Dibatalkan setelah permintaan terkirim.',
      cancelledWhileSending: 'Dibatalkan sebelum permintaan terkirim sepenuhnya.',
      cutOff: 'Jawaban (HTTP {status}) terpotong.',
      connectTimeout: 'Koneksi tidak dapat dibuat dalam {seconds} detik.',
      answerTimeout: 'Jawaban lengkap tidak datang dalam {seconds} detik.',
      refused: 'Koneksi ditolak (tidak ada layanan di alamat itu): {detail}.',
      dns: 'Nama host tidak dapat ditemukan (DNS): {detail}.',
      tls: 'Koneksi TLS tidak dapat dibuat ({code}).',
      system: '{detail}.',
    },
    issue: {
      photoNotStaged: 'Tidak ada yang terkirim: foto untuk {field} sudah tidak tersimpan sementara ({reason}); lampirkan lagi.',
      profileNotFound: 'Tidak ada profil dengan id "{id}".',
      invalid: 'Tidak ada yang terkirim: {count, plural, other {# kolom}} harus diperbaiki ({fields}).',
      noSecret: 'Profil "{profile}" belum memiliki api_secret; isi dulu di profil.',
      inFlight: 'Panggilan dengan id {id} sedang berjalan.',
      alreadyMade: 'Panggilan dengan id {id} sudah pernah dibuat; setiap panggilan perlu id baru.',
    },
    provenance: {
      official: 'terdokumentasi untuk edisi internasional (sumber: {sources})',
      china: 'hanya terdokumentasi untuk edisi Tiongkok (sumber: {sources})',
      'third-party': 'hanya terlihat di kode pihak ketiga (sumber: {sources})',
      inferred: 'kesimpulan kami (sumber: {sources})',
    },
    photo: {
      undecodable: 'Foto tidak dapat dibaca sebagai gambar.',
      cannotFit: 'Foto tidak dapat diperkecil sampai di bawah {max}.',
      notKept: 'Foto itu tidak disimpan (hanya hash-nya yang dicatat, kecuali penyimpanan foto diaktifkan).',
      keptChanged: 'Salinan foto yang disimpan tidak lagi cocok dengan SHA-256 yang tercatat.',
    },
  },
  zh: {
    codes: {
      MISSING_ARGUMENTS: {
        title: '缺少必选参数',
        explanation: '服务没有收到所需的参数。',
        next: '请填写标出的字段。',
      },
      BAD_ARGUMENTS: {
        title: '参数值被服务拒绝',
        explanation: '该值无法解析、过长，或不是服务允许的取值（例如未知的 scene_id 或 procedure_type）。',
        next: '请更正标出的字段。',
      },
      IMAGE_ERROR_UNSUPPORTED_FORMAT: {
        title: '参照照片无法解码',
        explanation: '该文件不是服务能读取的图片，或已损坏。',
        next: '请使用完整的 JPEG 文件。',
      },
      NO_FACE_FOUND: {
        title: '参照照片中没有人脸',
        explanation: '服务在参照照片中没有找到人脸（未说明是哪一张）。',
        onePhoto: '服务在 {photo} 中没有找到人脸（这是唯一发送的参照照片）。',
        next: '请使用清晰的正脸照片；照片方向不正时，可尝试 multi_oriented_detection=1。',
      },
      MULTIPLE_FACES: {
        title: '参照照片中有多张人脸',
        explanation: '某张参照照片中有不止一张人脸（未说明是哪一张）。',
        onePhoto: '{photo} 中有不止一张人脸（这是唯一发送的参照照片）。',
        next: '请裁剪到只含该用户，或发送 fail_when_ref_multiple_faces=0 以使用最大的人脸。',
      },
      INVALID_IMAGE_SIZE: {
        title: '参照照片像素尺寸过大',
        explanation: '照片有一边超过 4096 像素。',
        next: '请缩小后重试。',
      },
      AUTHENTICATION_ERROR: {
        title: 'API key 与密钥不匹配',
        explanation: '服务不接受该配置的 api_key/api_secret。',
        next: '请检查该配置的凭证和区域。',
      },
      AUTHORIZATION_ERROR: {
        title: '该 key 无权执行此操作',
        explanation: '该 key 已停用、额度用尽，或没有此 API 或此模式的权限。',
        next: '下方显示服务给出的原因；请联系您的 FaceID 客户经理。',
      },
      CONCURRENCY_LIMIT_EXCEEDED: {
        title: '同时调用过多',
        explanation: '该账户已达到并发上限。',
        next: '请稍候，再用新的 biz_no 重新发起。',
      },
      API_NOT_FOUND: {
        title: 'API 地址错误',
        explanation: '服务不认识这个路径。',
        next: '请检查该配置的 base URL 和区域。',
      },
      INTERNAL_ERROR: {
        title: '服务内部错误',
        explanation: '服务未能完成本次调用。',
        next: '请用新的 biz_no 重试；若仍出现，请携带 request_id 联系 FaceID 技术支持。',
      },
      REQUEST_ENTITY_TOO_LARGE: {
        title: '上传内容过大',
        explanation: '请求因体积过大被拒绝（限制估计为 2 MB）。',
        next: '请缩小参照照片。',
      },
      RESULT_NOT_FOUND: {
        title: '此 biz_id 没有结果',
        explanation: '服务没有该 biz_id 的验证记录（id 错误、属于其他账户，或尚未完成）。',
        next: '请检查 biz_id 和当前配置，或在用户完成后再次获取。',
      },
      DATA_DESTROYED: {
        title: '结果已无法获取',
        explanation: '服务在流程结束后只保留验证结果一天，且 get_result 最多应答三次；该结果已被获取三次或已超过一天。',
        next: '请使用控制台保存的副本或回调数据。',
      },
      INVALID_TOKEN: {
        title: '活体检测链接无效',
        explanation: '活体检测链接中的 token 未知、已被使用或已过期。token 只能使用一次，且仅在 expired_time 之前有效。',
        next: '请重新获取 token（使用新的 biz_no），并把新链接发给用户。',
      },
      UNEXPECTED_RESPONSE: {
        title: '应答不是服务的格式',
        explanation: '应答不是服务返回的 JSON，例如代理返回的 HTML 页面。已引用状态码和开头内容；该调用可能已被处理，也可能没有。',
        next: '再次发起前，请先在历史记录中查看该调用。',
      },
      UNKNOWN_SERVICE_ERROR: {
        title: '控制台不认识的错误',
        explanation: '服务返回了文档中没有的错误码，按原样引用。',
        next: '请携带 request_id 向 FaceID 技术支持询问该错误码的含义。',
      },
      NETWORK_ERROR: {
        title: '无法连接服务',
        explanation: '无法建立连接（地址、DNS、TLS 或防火墙）。没有发送任何内容。',
        next: '请检查网络和该配置的区域后重试。',
      },
      TIMEOUT: {
        title: '未及时应答',
        explanation: '请求已发送，但没有及时收到应答。token 可能已经签发。',
        next: '请勿重复使用此 biz_no；稍后在历史记录中查看该调用。',
      },
      CONNECTION_LOST: {
        title: '调用过程中连接中断',
        explanation: '应答完整之前连接已关闭。token 可能已经签发。',
        next: '请勿重复使用此 biz_no。',
      },
      INTERRUPTED: {
        title: '调用过程中控制台已停止',
        explanation: '控制台在收到应答之前停止；token 可能已经签发。',
        next: '请勿重复使用此 biz_no；如 token 已签发，请用 biz_id 获取结果。',
      },
      CANCELLED: {
        title: '已取消',
        explanation: '您取消了该调用。如果请求已经发出，token 可能已经签发。',
        next: '再次发起前，请先在历史记录中查看该调用。',
      },
    },
    context: {
      reason: '服务给出的原因：“{reason}”。',
      received: '收到：“{message}”。',
      receivedWithStatus: '收到：“{message}”（HTTP {status}）。',
      body: 'HTTP {status}，内容开头：{preview}',
      emptyBody: 'HTTP {status}，内容为空。',
      successWithout: 'HTTP {status}：成功应答中缺少 {missing}；内容开头：{preview}',
      badBaseUrl: 'base URL 有误：{detail}',
      notSent: '请求没有完整发出，服务不可能已签发 token；可以放心重试。',
      mayHaveCounted: '请求已到达服务，但没有收到完整应答：服务可能已将本次计为该结果允许的三次获取之一。',
      notCounted: '请求没有完整发出，不计入获取次数；可以放心重试。',
      cancelledBeforeAnything: '在发送任何内容之前已取消。',
      cancelledAfterSent: '请求发出后被取消。',
      cancelledWhileSending: '请求完整发出之前被取消。',
      cutOff: '应答（HTTP {status}）被截断。',
      connectTimeout: '{seconds} 秒内无法建立连接。',
      answerTimeout: '{seconds} 秒内没有收到完整应答。',
      refused: '连接被拒绝（该地址没有服务在监听）：{detail}。',
      dns: '无法解析主机名（DNS）：{detail}。',
      tls: '无法建立 TLS 连接（{code}）。',
      system: '{detail}。',
    },
    issue: {
      photoNotStaged: '未发送任何内容：{field} 的照片已不在暂存区（{reason}）；请重新上传。',
      profileNotFound: '没有 id 为 "{id}" 的配置。',
      invalid: '未发送任何内容：需更正 {count, plural, other {# 个字段}}（{fields}）。',
      noSecret: '配置 "{profile}" 没有 api_secret；请先在配置中填写。',
      inFlight: 'id 为 {id} 的调用正在进行中。',
      alreadyMade: 'id 为 {id} 的调用已发出过；每次调用都需要新的 id。',
    },
    provenance: {
      official: '海外版文档有记载（来源：{sources}）',
      china: '仅中国版文档有记载（来源：{sources}）',
      'third-party': '仅见于第三方代码（来源：{sources}）',
      inferred: '我们的推断（来源：{sources}）',
    },
    photo: {
      undecodable: '无法将该照片识别为图像。',
      cannotFit: '无法将照片压缩到 {max} 以内。',
      notKept: '该照片未保存（除非开启照片保存，否则只记录其哈希值）。',
      keptChanged: '保存的照片副本与记录的 SHA-256 不再一致。',
    },
  },
});
