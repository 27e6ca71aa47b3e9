/**
 * Namespace `console`: what the console's own operations say when they refuse or report something
 * (main/services, main/vault, the shells, the sandbox's trust log) — by reference, so the renderer
 * and the CLI word it in the operator's language. Codes, parameter names and values stay as the
 * vendor (or the console's API) spells them; `{detail}` carries text from elsewhere verbatim.
 */
import { defineMessages } from '../../i18n/messages';

export const consoleMessages = defineMessages({
  en: {
    sandbox: {
      none: 'No embedded sandbox is running.',
      lanListenFailed: 'The sandbox could not listen on {address}: {detail}',
      lanNotMine: '{address} is not a LAN address of this computer.',
    },
    history: {
      rowNotFound: 'No history row {id}.',
      rowGone: 'No history row {id} (it may have been deleted).',
      deskOnly: {
        export: 'Only this desk’s own history can be exported here (scope "desk"); the team history is the bank’s record.',
        delete: 'Only this desk’s own history can be deleted here (scope "desk"); the team history is the bank’s record.',
      },
      teamCallNotFound: 'No team call {id} that this desk may read.',
      photoNotKept: 'That photo was not kept (only hashes are stored unless photo keeping is on).',
      useBrowserPrint: 'This shell saves records with the browser’s own print (Save as PDF).',
    },
    team: {
      notConfigured: 'This shell runs no team history.',
    },
    result: {
      notIssued: 'Only an issued token has a verification result.',
      fetchLimit:
        'The service answers get_result at most {limit, plural, one {# time} other {# times}} and this console has used all of them; the stored result is shown.',
      expired: 'The service keeps a result for one day after the flow; this one is gone. The stored result, if any, is shown.',
      pollNotAllowed:
        'Polling would spend the last get_result answer (or the result is already stored); fetch it yourself when the customer is done.',
      profileGone: 'The profile "{profile}" that issued this token no longer exists; its credentials are needed to fetch the result.',
    },
    precheck: {
      notStaged: 'The photo is no longer staged ({reason}); attach it again.',
      unavailable: 'The photo pre-check is not available in this shell.',
      undecodable: 'The photo could not be read as an image.',
      busy: 'Too many photos are being checked at once; try again in a moment.',
      timeout: 'The photo pre-check did not answer in time; try again.',
      failed: 'The photo pre-check failed; see the log.',
    },
    request: {
      invalid: 'Invalid {op} request: {detail}.',
      invalidAt: 'Invalid {op} request at {where}: {detail}.',
      internal: 'The console failed to {op}; see the log.',
      forbiddenSender: 'This call did not come from the console window.',
    },
    connection: {
      noCredentials: 'This profile has no api_key or no api_secret yet.',
      acceptedUnexpectedly: 'Key and secret accepted (the service unexpectedly issued a token for an empty request).',
      accepted: 'Key and secret accepted by {baseUrl} ({ms} ms).',
      refused: 'The service refused the key and secret ({code}). Check both, and the region.',
      notAllowed: 'The key is known but not allowed: {reason}.',
      notAllowedNoReason: 'The key is known but not allowed; the service gave no reason.',
    },
    signature: {
      genuine: 'Genuine: signed with the secret of “{profile}”.',
      otherProfile: 'Not signed with the secret of “{profile}” — but with the secret of “{other}”.',
      altered:
        'Not genuine for “{profile}”: data or sign was altered, or another secret signed it. Verify against data exactly as received, before any re-formatting.',
      notHex:
        'Not genuine for “{profile}”: sign is not 40 hex characters. Verify against data exactly as received, before any re-formatting.',
      dataNotJson: 'data is not JSON: {detail}',
    },
    vault: {
      profileNotFound: 'No profile with id "{id}".',
      nameEmpty: 'The profile name is empty.',
      nameTaken: 'A profile named "{name}" exists already; pick another name.',
      builtInDuplicate: 'The built-in sandbox profile cannot be duplicated; create a profile instead.',
      builtInDelete: 'The built-in sandbox profile cannot be deleted.',
      secretOtherShell:
        'The secret of "{profile}" was stored by the {shell, select, desktop {desktop} other {browser}} shell and cannot be read here; enter it again.',
      secretUndecryptable:
        'The secret of "{profile}" cannot be decrypted (it was altered, or sealed with another key or user account); enter it again.',
    },
    import: {
      notJson: 'The file is not JSON: {detail}.',
      notExport: 'The file is not a FaceID Console profile export (expected "format": "{format}").',
      invalidAt: 'Invalid profile export at {where}: {detail}.',
      invalidField: 'Invalid profile export at profile {n}, field {field}: {detail}.',
      noSecrets: 'Exports never carry secrets; remove it and enter the secret in the console.',
    },
    baseUrl: {
      notAbsolute: '"{url}" is not an absolute URL (expected e.g. https://api-idn.megvii.com).',
      credentials: 'The base URL must not contain a user name or password.',
      queryOrFragment: 'The base URL must not have a query string or fragment.',
      plainHttp: 'The base URL must use HTTPS (plain HTTP is allowed only for 127.0.0.1).',
      scheme: 'The base URL must use HTTPS, not {scheme}.',
    },
    trust: {
      openList: 'outside a value list the vendor may not give in full',
      outsideRange: 'outside {min}–{max}; that the service refuses it is inferred',
      notHttp: 'not http(s); the browser is sent there as it is',
      callbackPort: 'port outside {ports}; the service may refuse it or never call back, the sandbox calls back',
      unknownParam: 'not a get_token parameter; ignored',
      returnImage: 'beyond the overseas 0/1; the China edition has 2–6',
      urlencodedRead: 'the vendor asks for form-data; read anyway',
      urlencodedRefused: 'the vendor asks for form-data; read as no arguments (MISSING_ARGUMENTS: api_key)',
    },
  },
  id: {
    sandbox: {
      none: 'Sandbox bawaan tidak sedang berjalan.',
      lanListenFailed: 'Sandbox tidak dapat menerima koneksi di {address}: {detail}',
      lanNotMine: '{address} bukan alamat LAN komputer ini.',
    },
    history: {
      rowNotFound: 'Tidak ada baris riwayat {id}.',
      rowGone: 'Tidak ada baris riwayat {id} (mungkin sudah dihapus).',
      deskOnly: {
        export: 'Di sini hanya riwayat meja ini sendiri yang dapat diekspor (scope "desk"); riwayat tim adalah catatan resmi bank.',
        delete: 'Di sini hanya riwayat meja ini sendiri yang dapat dihapus (scope "desk"); riwayat tim adalah catatan resmi bank.',
      },
      teamCallNotFound: 'Tidak ada panggilan tim {id} yang boleh dibaca meja ini.',
      photoNotKept: 'Foto itu tidak disimpan (hanya hash yang disimpan, kecuali penyimpanan foto diaktifkan).',
      useBrowserPrint: 'Di aplikasi ini catatan disimpan lewat fitur cetak browser (Simpan sebagai PDF).',
    },
    team: {
      notConfigured: 'Aplikasi ini tidak menjalankan riwayat tim.',
    },
    result: {
      notIssued: 'Hanya token yang sudah diterbitkan yang memiliki hasil verifikasi.',
      fetchLimit:
        'Layanan menjawab get_result paling banyak {limit, plural, other {# kali}} dan konsol ini sudah memakai semuanya; yang ditampilkan adalah hasil yang tersimpan.',
      expired:
        'Layanan hanya menyimpan hasil selama satu hari setelah proses selesai; hasil ini sudah tidak ada. Hasil yang tersimpan, bila ada, ditampilkan.',
      pollNotAllowed:
        'Pengecekan otomatis akan memakai jatah jawaban get_result yang terakhir (atau hasilnya sudah tersimpan); ambil sendiri setelah nasabah selesai.',
      profileGone: 'Profil "{profile}" yang menerbitkan token ini sudah tidak ada; kredensialnya diperlukan untuk mengambil hasil.',
    },
    precheck: {
      notStaged: 'Foto sudah tidak tersimpan sementara ({reason}); lampirkan lagi.',
      unavailable: 'Pemeriksaan awal foto tidak tersedia di aplikasi ini.',
      undecodable: 'Foto tidak dapat dibaca sebagai gambar.',
      busy: 'Terlalu banyak foto yang sedang diperiksa sekaligus; coba lagi sebentar lagi.',
      timeout: 'Pemeriksaan awal foto tidak menjawab tepat waktu; coba lagi.',
      failed: 'Pemeriksaan awal foto gagal; lihat log.',
    },
    request: {
      invalid: 'Permintaan {op} tidak valid: {detail}.',
      invalidAt: 'Permintaan {op} tidak valid pada {where}: {detail}.',
      internal: 'Konsol gagal menjalankan {op}; lihat log.',
      forbiddenSender: 'Panggilan ini tidak berasal dari jendela konsol.',
    },
    connection: {
      noCredentials: 'Profil ini belum memiliki api_key atau api_secret.',
      acceptedUnexpectedly: 'Key dan secret diterima (di luar dugaan, layanan menerbitkan token untuk permintaan kosong).',
      accepted: 'Key dan secret diterima oleh {baseUrl} ({ms} ms).',
      refused: 'Layanan menolak key dan secret ({code}). Periksa keduanya, juga regionnya.',
      notAllowed: 'Key dikenal tetapi tidak diizinkan: {reason}.',
      notAllowedNoReason: 'Key dikenal tetapi tidak diizinkan; layanan tidak memberi alasan.',
    },
    signature: {
      genuine: 'Asli: ditandatangani dengan secret milik “{profile}”.',
      otherProfile: 'Tidak ditandatangani dengan secret milik “{profile}”, tetapi dengan secret milik “{other}”.',
      altered:
        'Tidak asli untuk “{profile}”: data atau sign sudah diubah, atau ditandatangani dengan secret lain. Periksa dengan data persis seperti yang diterima, sebelum diformat ulang.',
      notHex:
        'Tidak asli untuk “{profile}”: sign bukan 40 karakter heksadesimal. Periksa dengan data persis seperti yang diterima, sebelum diformat ulang.',
      dataNotJson: 'data bukan JSON: {detail}',
    },
    vault: {
      profileNotFound: 'Tidak ada profil dengan id "{id}".',
      nameEmpty: 'Nama profil masih kosong.',
      nameTaken: 'Profil bernama "{name}" sudah ada; pilih nama lain.',
      builtInDuplicate: 'Profil sandbox bawaan tidak dapat disalin; buat profil baru saja.',
      builtInDelete: 'Profil sandbox bawaan tidak dapat dihapus.',
      secretOtherShell:
        'Secret milik "{profile}" disimpan oleh aplikasi {shell, select, desktop {desktop} other {browser}} dan tidak dapat dibaca di sini; masukkan lagi.',
      secretUndecryptable:
        'Secret milik "{profile}" tidak dapat dibuka (sudah diubah, atau dikunci dengan kunci atau akun pengguna lain); masukkan lagi.',
    },
    import: {
      notJson: 'Berkas ini bukan JSON: {detail}.',
      notExport: 'Berkas ini bukan ekspor profil FaceID Console (seharusnya "format": "{format}").',
      invalidAt: 'Ekspor profil tidak valid pada {where}: {detail}.',
      invalidField: 'Ekspor profil tidak valid pada profil ke-{n}, kolom {field}: {detail}.',
      noSecrets: 'Ekspor tidak pernah memuat secret; hapus bagian itu dan masukkan secret di konsol.',
    },
    baseUrl: {
      notAbsolute: '"{url}" bukan URL lengkap (contoh: https://api-idn.megvii.com).',
      credentials: 'Base URL tidak boleh memuat nama pengguna atau kata sandi.',
      queryOrFragment: 'Base URL tidak boleh memuat query string atau fragment.',
      plainHttp: 'Base URL harus memakai HTTPS (HTTP biasa hanya diizinkan untuk 127.0.0.1).',
      scheme: 'Base URL harus memakai HTTPS, bukan {scheme}.',
    },
    trust: {
      openList: 'di luar daftar nilai yang mungkin tidak diberikan vendor secara lengkap',
      outsideRange: 'di luar {min}–{max}; bahwa layanan menolaknya hanya kesimpulan',
      notHttp: 'bukan http(s); browser diarahkan ke sana apa adanya',
      callbackPort: 'port di luar {ports}; layanan mungkin menolaknya atau tidak pernah memanggil balik, sandbox tetap memanggil balik',
      unknownParam: 'bukan parameter get_token; diabaikan',
      returnImage: 'di luar 0/1 edisi internasional; edisi Tiongkok memiliki 2–6',
      urlencodedRead: 'vendor meminta form-data; tetap dibaca',
      urlencodedRefused: 'vendor meminta form-data; dibaca sebagai tanpa argumen (MISSING_ARGUMENTS: api_key)',
    },
  },
  zh: {
    sandbox: {
      none: '没有正在运行的内置沙箱。',
      lanListenFailed: '沙箱无法在 {address} 上监听：{detail}',
      lanNotMine: '{address} 不是本机的局域网地址。',
    },
    history: {
      rowNotFound: '没有第 {id} 条历史记录。',
      rowGone: '没有第 {id} 条历史记录（可能已被删除）。',
      deskOnly: {
        export: '此处只能导出本柜台自己的历史记录（scope "desk"）；团队历史是银行的正式记录。',
        delete: '此处只能删除本柜台自己的历史记录（scope "desk"）；团队历史是银行的正式记录。',
      },
      teamCallNotFound: '没有本柜台可读取的团队调用 {id}。',
      photoNotKept: '该照片未保存（除非开启照片保存，否则只保存哈希值）。',
      useBrowserPrint: '此版本通过浏览器自带的打印功能保存记录（另存为 PDF）。',
    },
    team: {
      notConfigured: '此版本未运行团队历史。',
    },
    result: {
      notIssued: '只有已签发的 token 才有验证结果。',
      fetchLimit: '服务对 get_result 最多应答 {limit, plural, other {# 次}}，本控制台已全部用完；下方显示已保存的结果。',
      expired: '服务在流程结束后只保留结果一天，该结果已不存在。如有已保存的结果，将显示在下方。',
      pollNotAllowed: '自动轮询会用掉最后一次 get_result 应答（或结果已保存）；请在用户完成后手动获取。',
      profileGone: '签发此 token 的配置 "{profile}" 已不存在；获取结果需要它的凭证。',
    },
    precheck: {
      notStaged: '照片已不在暂存区（{reason}）；请重新上传。',
      unavailable: '此版本不提供照片预检。',
      undecodable: '无法将该照片读取为图片。',
      busy: '同时预检的照片过多；请稍后重试。',
      timeout: '照片预检未及时应答；请重试。',
      failed: '照片预检失败；请查看日志。',
    },
    request: {
      invalid: '{op} 请求无效：{detail}。',
      invalidAt: '{op} 请求在 {where} 处无效：{detail}。',
      internal: '控制台执行 {op} 失败；请查看日志。',
      forbiddenSender: '此调用并非来自控制台窗口。',
    },
    connection: {
      noCredentials: '该配置还没有 api_key 或 api_secret。',
      acceptedUnexpectedly: 'key 和密钥已被接受（服务意外地为空请求签发了 token）。',
      accepted: '{baseUrl} 已接受 key 和密钥（{ms} ms）。',
      refused: '服务拒绝了 key 和密钥（{code}）。请检查两者以及区域。',
      notAllowed: '该 key 有效但无权限：{reason}。',
      notAllowedNoReason: '该 key 有效但无权限；服务未给出原因。',
    },
    signature: {
      genuine: '真实：由 “{profile}” 的密钥签名。',
      otherProfile: '不是由 “{profile}” 的密钥签名，而是由 “{other}” 的密钥签名。',
      altered: '对 “{profile}” 而言不是真实的：data 或 sign 已被改动，或由其他密钥签名。请使用收到时原样的 data 校验，不要先重新格式化。',
      notHex: '对 “{profile}” 而言不是真实的：sign 不是 40 位十六进制字符。请使用收到时原样的 data 校验，不要先重新格式化。',
      dataNotJson: 'data 不是 JSON：{detail}',
    },
    vault: {
      profileNotFound: '没有 id 为 "{id}" 的配置。',
      nameEmpty: '配置名称为空。',
      nameTaken: '已有名为 "{name}" 的配置；请换一个名称。',
      builtInDuplicate: '内置沙箱配置不能复制；请新建配置。',
      builtInDelete: '内置沙箱配置不能删除。',
      secretOtherShell: '"{profile}" 的密钥由{shell, select, desktop {桌面版} other {浏览器版}}保存，此处无法读取；请重新输入。',
      secretUndecryptable: '"{profile}" 的密钥无法解密（已被改动，或由其他密钥或用户账户加密）；请重新输入。',
    },
    import: {
      notJson: '该文件不是 JSON：{detail}。',
      notExport: '该文件不是 FaceID Console 的配置导出文件（应为 "format": "{format}"）。',
      invalidAt: '配置导出文件在 {where} 处无效：{detail}。',
      invalidField: '配置导出文件中第 {n} 个配置的字段 {field} 无效：{detail}。',
      noSecrets: '导出文件从不包含密钥；请删除该项，并在控制台中输入密钥。',
    },
    baseUrl: {
      notAbsolute: '"{url}" 不是完整的 URL（例如 https://api-idn.megvii.com）。',
      credentials: 'base URL 不能包含用户名或密码。',
      queryOrFragment: 'base URL 不能包含查询字符串或片段。',
      plainHttp: 'base URL 必须使用 HTTPS（仅 127.0.0.1 允许使用 HTTP）。',
      scheme: 'base URL 必须使用 HTTPS，而不是 {scheme}。',
    },
    trust: {
      openList: '不在取值列表中，而厂商给出的列表可能不完整',
      outsideRange: '超出 {min}–{max}；服务会拒绝它只是推断',
      notHttp: '不是 http(s)；浏览器会按原样跳转',
      callbackPort: '端口不在 {ports} 之内；真实服务可能拒绝或永不回调，沙箱照样回调',
      unknownParam: '不是 get_token 的参数；已忽略',
      returnImage: '超出海外版的 0/1；中国版有 2–6',
      urlencodedRead: '厂商要求使用 form-data；仍照常读取',
      urlencodedRefused: '厂商要求使用 form-data；按无参数处理（MISSING_ARGUMENTS: api_key）',
    },
  },
});
