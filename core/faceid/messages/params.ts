/**
 * Namespace `params`: what the parameter catalogue (core/faceid/params.ts) says about each get_token
 * parameter — its one-line summary, its longer notes and the labels of its values — in every
 * locale. Parameter names and values stay as the vendor spells them; the Chinese follows the
 * vendor's documentation terms (活体检测, 人脸比对, 业务流水号, 回调).
 */
import { defineMessages } from '../../i18n/messages';

export const paramsMessages = defineMessages({
  en: {
    confidence: {
      official: 'documented for the overseas edition',
      china: 'documented for the China edition only',
      'third-party': 'seen only in third-party code',
      inferred: 'our inference',
    },
    serviceDefault: 'service default: {value}',
    api_key: { summary: 'Your API key; taken from the active profile, never typed into the form.' },
    api_secret: { summary: 'The secret of that key; held by the trusted side only and never shown.' },
    return_url: {
      summary: "Where the customer's browser is sent when they finish or cancel.",
      notes: 'An app deep link (another scheme than http/https) is sent with a warning: the vendor does not rule it out.',
    },
    notify_url: {
      summary: 'Your server endpoint the service POSTs the signed result to.',
      notes:
        'The service calls back only on ports {ports}. HTTPS is recommended; over plain HTTP, verify the data of each callback with its sign.',
    },
    biz_no: {
      summary: 'Your own unique reference for this verification, echoed back in results.',
      notes: 'Must be unique per call. Never reuse it for a retry of a call whose outcome is unknown.',
    },
    scene_id: {
      summary: 'A scene configured in the FaceID web console: customises the visual elements of the flow.',
      notes:
        'Empty: the scene configured as default; with no scene configured, the system default look. An unknown id is refused with BAD_ARGUMENTS.',
    },
    language: {
      summary: 'Language of the prompts on the liveness page.',
      values: { '0': 'English', '1': 'Chinese', '2': 'Indonesian', '3': 'Thai' },
    },
    procedure_type: {
      summary: 'Which liveness method the page runs.',
      notes: 'Only "flash" is confirmed for the overseas edition; the service default is not documented.',
      values: {
        flash: 'Flash (colour-flash liveness)',
        still: 'Still (silent video)',
        distance: 'Distance (move closer)',
        video: 'Video (read digits aloud)',
        selfie: 'Selfie (two photos)',
      },
    },
    procedure_priority: {
      summary: 'What to fall back to when the browser cannot run WebRTC.',
      notes:
        'The vendor documents the parameter; the overseas value list and default are not documented (the China list is shown; its default depends on procedure_type).',
      values: { keep: 'Keep: no fallback, end with WEBRTC_UNSUPPORTED', video: 'Fall back to video', still: 'Fall back to still' },
    },
    comparison_type: {
      summary: 'Liveness only, or liveness plus comparison with your reference photos.',
      notes: 'Required: the vendor page marks it as required. Any other value is refused with BAD_ARGUMENTS.',
      values: { '0': 'Liveness + compare with image_ref1/image_ref2', '-1': 'Liveness only, no comparison' },
    },
    uuid: {
      summary: 'A stable id of the customer, for tracing and reports.',
      notes: 'Required with comparison_type=0 and with -1 alike: the vendor page marks uuid as required under both modes.',
    },
    image_ref1: {
      summary: 'Reference photo of the customer’s face to compare against.',
      notes:
        'With comparison_type=0 at least one of image_ref1/image_ref2 is required. JPEG is what every client sends. Limits of 2 MB and 4096 px per side are inferred from Raw-Verify.',
    },
    image_ref2: { summary: 'Second reference photo (or the only one: either photo satisfies the requirement).' },
    biz_extra_data: { summary: 'Free text echoed back in callbacks and get_result.' },
    get_shooting_error: {
      summary: 'Report in callbacks whether the page never received the recorded video.',
      notes: 'The vendor documents the parameter; the value list and default come from third-party copies of the China docs.',
      values: { '0': 'Do not report', '1': 'Report shooting_error' },
    },
    maximum_shooting_time: {
      summary: 'Seconds the page waits for the recording after "start" before prompting that no video was received.',
      notes:
        'Range 2–60 per the vendor (the China edition says 10–60); the vendor advises 10–15 s. When the time is up, the page prompts the customer that no video was received.',
    },
    multi_oriented_detection: {
      summary: 'Retry face detection on reference photos rotated 90/180/270°.',
      values: { '0': 'No rotation', '1': 'Try rotations (slightly more false detections)' },
    },
    fail_when_ref_multiple_faces: {
      summary: 'Refuse a reference photo with several faces instead of using the largest.',
      notes: 'The vendor documents the parameter; its values and default are our inference from the analogous Megvii Verify parameter.',
      values: { '0': 'Use the largest face', '1': 'Fail with MULTIPLE_FACES' },
    },
    return_multifaces_tag: {
      summary: 'Ask for a flag in the result telling whether several faces were seen.',
      notes: 'The vendor documents the parameter; its values, default and the name of the returned field are not documented.',
      values: { '0': 'No flag', '1': 'Return the flag' },
    },
    fmp_mode: {
      summary: 'Whether fake-face checks (mask, screen replay, synthetic) can fail the liveness verdict.',
      values: { '0': 'Fold fake-face checks into PASS/FAIL', '1': 'Scores only, verdict unaffected' },
    },
    get_fail_reason: {
      summary: 'Include fail_reason explaining a WEBRTC_UNSUPPORTED status.',
      values: { '0': 'No fail_reason', '1': 'Include fail_reason' },
    },
    face_occlusion_detection: {
      summary: 'Reject occluded faces during capture.',
      notes: 'The vendor documents the parameter; its values and default are not documented.',
      values: { '0': 'Off', '1': 'On' },
    },
    eye_close_detection: {
      summary: 'Reject closed eyes during capture.',
      notes:
        'The vendor documents the parameter; its values and default are not documented. The App API spells its analogue eyes_close_detection.',
      values: { '0': 'Off', '1': 'On' },
    },
    action_http_method: {
      summary: "How the customer's browser delivers the result to return_url.",
      notes: 'Exact accepted casing is unconfirmed.',
      values: { POST: 'POST form with data and sign', GET: 'GET redirect with a query string' },
    },
    redirect_type: {
      summary: 'With GET: whether the redirect replaces the liveness page in the browser history.',
      notes: 'Only meaningful with action_http_method=GET.',
      values: { '0': 'Normal redirect', '1': 'Replace the history entry (Back returns to the page before the flow)' },
    },
  },
  id: {
    confidence: {
      official: 'terdokumentasi untuk edisi internasional',
      china: 'hanya terdokumentasi untuk edisi Tiongkok',
      'third-party': 'hanya terlihat di kode pihak ketiga',
      inferred: 'kesimpulan kami',
    },
    serviceDefault: 'bawaan layanan: {value}',
    api_key: { summary: 'API key Anda; diambil dari profil yang aktif, tidak pernah diketik di formulir.' },
    api_secret: { summary: 'Secret dari key tersebut; hanya disimpan di sisi tepercaya dan tidak pernah ditampilkan.' },
    return_url: {
      summary: 'Alamat tujuan browser nasabah setelah selesai atau membatalkan.',
      notes: 'Deep link aplikasi (skema selain http/https) tetap dikirim dengan peringatan: vendor tidak melarangnya.',
    },
    notify_url: {
      summary: 'Endpoint server Anda, tempat layanan mengirim (POST) hasil yang sudah ditandatangani.',
      notes:
        'Layanan hanya melakukan callback ke port {ports}. HTTPS disarankan; bila memakai HTTP biasa, periksa data setiap callback dengan sign-nya.',
    },
    biz_no: {
      summary: 'Nomor referensi unik milik Anda untuk verifikasi ini, dikembalikan lagi di hasil.',
      notes: 'Harus unik untuk setiap panggilan. Jangan pakai ulang untuk mengulang panggilan yang hasilnya tidak diketahui.',
    },
    scene_id: {
      summary: 'Skenario yang diatur di konsol web FaceID: mengubah tampilan alur verifikasi.',
      notes:
        'Kosong: skenario yang diatur sebagai bawaan; bila belum ada skenario, tampilan bawaan sistem. ID yang tidak dikenal ditolak dengan BAD_ARGUMENTS.',
    },
    language: {
      summary: 'Bahasa petunjuk di halaman liveness.',
      values: { '0': 'Bahasa Inggris', '1': 'Bahasa Mandarin', '2': 'Bahasa Indonesia', '3': 'Bahasa Thai' },
    },
    procedure_type: {
      summary: 'Metode liveness yang dijalankan halaman.',
      notes: 'Hanya "flash" yang dipastikan untuk edisi internasional; nilai bawaan layanan tidak didokumentasikan.',
      values: {
        flash: 'Flash (liveness dengan kilatan warna)',
        still: 'Still (video diam)',
        distance: 'Distance (dekatkan wajah)',
        video: 'Video (bacakan angka)',
        selfie: 'Selfie (dua foto)',
      },
    },
    procedure_priority: {
      summary: 'Cadangan yang dipakai bila browser tidak bisa menjalankan WebRTC.',
      notes:
        'Vendor mendokumentasikan parameter ini; daftar nilai dan bawaan untuk edisi internasional tidak didokumentasikan (yang ditampilkan daftar edisi Tiongkok; bawaannya bergantung pada procedure_type).',
      values: { keep: 'Keep: tanpa cadangan, berakhir dengan WEBRTC_UNSUPPORTED', video: 'Beralih ke video', still: 'Beralih ke still' },
    },
    comparison_type: {
      summary: 'Hanya liveness, atau liveness ditambah pencocokan dengan foto referensi Anda.',
      notes: 'Wajib: halaman vendor menandainya wajib. Nilai lain ditolak dengan BAD_ARGUMENTS.',
      values: { '0': 'Liveness + cocokkan dengan image_ref1/image_ref2', '-1': 'Hanya liveness, tanpa pencocokan' },
    },
    uuid: {
      summary: 'ID tetap nasabah, untuk penelusuran dan laporan.',
      notes: 'Wajib baik dengan comparison_type=0 maupun -1: halaman vendor menandai uuid wajib di kedua mode.',
    },
    image_ref1: {
      summary: 'Foto referensi wajah nasabah yang akan dicocokkan.',
      notes:
        'Dengan comparison_type=0 minimal satu dari image_ref1/image_ref2 wajib ada. Semua klien mengirim JPEG. Batas 2 MB dan 4096 px per sisi adalah kesimpulan dari Raw-Verify.',
    },
    image_ref2: { summary: 'Foto referensi kedua (atau satu-satunya: foto mana pun memenuhi syarat).' },
    biz_extra_data: { summary: 'Teks bebas yang dikembalikan lagi di callback dan get_result.' },
    get_shooting_error: {
      summary: 'Laporkan di callback bila halaman tidak pernah menerima video rekaman.',
      notes:
        'Vendor mendokumentasikan parameter ini; daftar nilai dan bawaannya berasal dari salinan dokumen edisi Tiongkok oleh pihak ketiga.',
      values: { '0': 'Jangan laporkan', '1': 'Laporkan shooting_error' },
    },
    maximum_shooting_time: {
      summary: 'Detik yang ditunggu halaman untuk rekaman setelah "mulai", sebelum memberi tahu bahwa video tidak diterima.',
      notes:
        'Rentang 2–60 menurut vendor (edisi Tiongkok menyebut 10–60); vendor menyarankan 10–15 detik. Bila waktu habis, halaman memberi tahu nasabah bahwa video tidak diterima.',
    },
    multi_oriented_detection: {
      summary: 'Ulangi deteksi wajah pada foto referensi yang diputar 90/180/270°.',
      values: { '0': 'Tanpa pemutaran', '1': 'Coba putar (deteksi keliru sedikit lebih banyak)' },
    },
    fail_when_ref_multiple_faces: {
      summary: 'Tolak foto referensi berisi beberapa wajah, alih-alih memakai wajah terbesar.',
      notes: 'Vendor mendokumentasikan parameter ini; nilai dan bawaannya adalah kesimpulan kami dari parameter serupa di Megvii Verify.',
      values: { '0': 'Pakai wajah terbesar', '1': 'Gagal dengan MULTIPLE_FACES' },
    },
    return_multifaces_tag: {
      summary: 'Minta penanda di hasil yang menyatakan apakah terlihat beberapa wajah.',
      notes: 'Vendor mendokumentasikan parameter ini; nilai, bawaan, dan nama field yang dikembalikan tidak didokumentasikan.',
      values: { '0': 'Tanpa penanda', '1': 'Kembalikan penanda' },
    },
    fmp_mode: {
      summary: 'Apakah pemeriksaan wajah palsu (masker, rekaman layar, wajah sintetis) dapat menggagalkan hasil liveness.',
      values: { '0': 'Masukkan pemeriksaan wajah palsu ke PASS/FAIL', '1': 'Hanya skor, hasil tidak terpengaruh' },
    },
    get_fail_reason: {
      summary: 'Sertakan fail_reason yang menjelaskan status WEBRTC_UNSUPPORTED.',
      values: { '0': 'Tanpa fail_reason', '1': 'Sertakan fail_reason' },
    },
    face_occlusion_detection: {
      summary: 'Tolak wajah yang tertutup saat pengambilan gambar.',
      notes: 'Vendor mendokumentasikan parameter ini; nilai dan bawaannya tidak didokumentasikan.',
      values: { '0': 'Mati', '1': 'Nyala' },
    },
    eye_close_detection: {
      summary: 'Tolak mata tertutup saat pengambilan gambar.',
      notes:
        'Vendor mendokumentasikan parameter ini; nilai dan bawaannya tidak didokumentasikan. App API menulis padanannya eyes_close_detection.',
      values: { '0': 'Mati', '1': 'Nyala' },
    },
    action_http_method: {
      summary: 'Cara browser nasabah mengirim hasil ke return_url.',
      notes: 'Penulisan huruf besar/kecil yang diterima belum dipastikan.',
      values: { POST: 'Formulir POST berisi data dan sign', GET: 'Redirect GET dengan query string' },
    },
    redirect_type: {
      summary: 'Dengan GET: apakah redirect menggantikan halaman liveness di riwayat browser.',
      notes: 'Hanya berpengaruh dengan action_http_method=GET.',
      values: { '0': 'Redirect biasa', '1': 'Ganti entri riwayat (Kembali menuju halaman sebelum alur)' },
    },
  },
  zh: {
    confidence: {
      official: '海外版文档有记载',
      china: '仅中国版文档有记载',
      'third-party': '仅见于第三方代码',
      inferred: '我们的推断',
    },
    serviceDefault: '服务默认值：{value}',
    api_key: { summary: '您的 API key；取自当前配置，无需在表单中填写。' },
    api_secret: { summary: '该 key 的密钥；只保存在受信任一侧，从不显示。' },
    return_url: {
      summary: '用户完成或取消后，浏览器跳转到的地址。',
      notes: '应用深度链接（http/https 以外的协议）会带警告发送：厂商并未禁止。',
    },
    notify_url: {
      summary: '您的服务器地址，服务会将带签名的结果 POST 到这里（回调）。',
      notes: '服务只回调以下端口：{ports}。建议使用 HTTPS；若使用 HTTP，请用 sign 校验每次回调的 data。',
    },
    biz_no: {
      summary: '您为本次验证设定的唯一业务流水号，会在结果中原样返回。',
      notes: '每次调用必须唯一。结果未知的调用重试时，切勿重复使用。',
    },
    scene_id: {
      summary: '在 FaceID 控制台配置的场景：定制流程的界面元素。',
      notes: '留空：使用设为默认的场景；若未配置场景，使用系统默认样式。未知的 id 会被拒绝，返回 BAD_ARGUMENTS。',
    },
    language: {
      summary: '活体检测页面的提示语言。',
      values: { '0': '英文', '1': '中文', '2': '印尼文', '3': '泰文' },
    },
    procedure_type: {
      summary: '页面采用的活体检测方式。',
      notes: '海外版仅确认支持 "flash"；服务默认值未在文档中说明。',
      values: {
        flash: '炫彩活体（flash）',
        still: '静默活体视频（still）',
        distance: '远近活体（distance）',
        video: '读数字视频（video）',
        selfie: '自拍（两张照片，selfie）',
      },
    },
    procedure_priority: {
      summary: '浏览器无法运行 WebRTC 时的降级方式。',
      notes: '厂商记载了该参数；海外版的取值和默认值未记载（此处列出中国版取值；其默认值取决于 procedure_type）。',
      values: { keep: 'keep：不降级，以 WEBRTC_UNSUPPORTED 结束', video: '降级为 video', still: '降级为 still' },
    },
    comparison_type: {
      summary: '只做活体检测，或活体检测加与参照照片的人脸比对。',
      notes: '必选：厂商页面标为必选。其他取值会被拒绝，返回 BAD_ARGUMENTS。',
      values: { '0': '活体检测 + 与 image_ref1/image_ref2 比对', '-1': '只进行活体检测，不比对' },
    },
    uuid: {
      summary: '用户的固定标识，用于追踪和报表。',
      notes: 'comparison_type=0 和 -1 时均为必选：厂商页面在两种模式下都将 uuid 标为必选。',
    },
    image_ref1: {
      summary: '用于比对的用户人脸参照照片。',
      notes:
        'comparison_type=0 时，image_ref1/image_ref2 至少提供一张。所有客户端都发送 JPEG。2 MB 及每边 4096 像素的限制是根据 Raw-Verify 推断的。',
    },
    image_ref2: { summary: '第二张参照照片（也可只提供这一张：任一张即满足要求）。' },
    biz_extra_data: { summary: '自由文本，会在回调和 get_result 中原样返回。' },
    get_shooting_error: {
      summary: '在回调中报告页面是否始终未收到录制的视频。',
      notes: '厂商记载了该参数；取值和默认值来自第三方转载的中国版文档。',
      values: { '0': '不报告', '1': '报告 shooting_error' },
    },
    maximum_shooting_time: {
      summary: '点击“开始”后页面等待录制的秒数，超时后提示未收到视频。',
      notes: '厂商给出的范围为 2–60（中国版为 10–60）；厂商建议 10–15 秒。时间到后，页面提示用户未收到视频。',
    },
    multi_oriented_detection: {
      summary: '将参照照片旋转 90/180/270° 后重新检测人脸。',
      values: { '0': '不旋转', '1': '尝试旋转（误检略多）' },
    },
    fail_when_ref_multiple_faces: {
      summary: '参照照片中有多张人脸时直接拒绝，而不是取最大的人脸。',
      notes: '厂商记载了该参数；其取值和默认值是我们根据 Megvii Verify 的同类参数推断的。',
      values: { '0': '取最大的人脸', '1': '返回 MULTIPLE_FACES 失败' },
    },
    return_multifaces_tag: {
      summary: '要求在结果中返回是否检测到多张人脸的标记。',
      notes: '厂商记载了该参数；其取值、默认值及返回字段的名称均未记载。',
      values: { '0': '不返回标记', '1': '返回标记' },
    },
    fmp_mode: {
      summary: '假脸检测（面具、屏幕翻拍、合成人脸）能否使活体检测结果判为失败。',
      values: { '0': '假脸检测计入 PASS/FAIL', '1': '仅给分数，不影响结果' },
    },
    get_fail_reason: {
      summary: '返回 fail_reason，说明 WEBRTC_UNSUPPORTED 状态的原因。',
      values: { '0': '不返回 fail_reason', '1': '返回 fail_reason' },
    },
    face_occlusion_detection: {
      summary: '采集时拒绝有遮挡的人脸。',
      notes: '厂商记载了该参数；其取值和默认值未记载。',
      values: { '0': '关闭', '1': '开启' },
    },
    eye_close_detection: {
      summary: '采集时拒绝闭眼。',
      notes: '厂商记载了该参数；其取值和默认值未记载。App API 中对应的参数写作 eyes_close_detection。',
      values: { '0': '关闭', '1': '开启' },
    },
    action_http_method: {
      summary: '用户浏览器将结果提交到 return_url 的方式。',
      notes: '服务接受的大小写形式尚未确认。',
      values: { POST: 'POST 表单，含 data 和 sign', GET: 'GET 跳转，带查询字符串' },
    },
    redirect_type: {
      summary: '使用 GET 时：跳转是否替换浏览器历史中的活体检测页面。',
      notes: '仅在 action_http_method=GET 时有效。',
      values: { '0': '普通跳转', '1': '替换历史记录（返回键回到流程之前的页面）' },
    },
  },
});
