/** Words of the console's frame: header, views, tools, language menu. */
import { defineMessages } from '../../core/i18n/messages';

export const appMessages = defineMessages({
  en: {
    title: 'FaceID Console',
    views: { label: 'Views', desk: 'Desk', support: 'Support', expert: 'Expert' },
    tools: { label: 'Tools', verify: 'Verify callback…', sandbox: 'Sandbox…' },
    language: { label: 'Language', auto: 'System language ({name})' },
    store: {
      bizNoUsed: 'biz_no {bizNo} was used; a new one is filled in.',
      bizNoPossiblyUsed: 'biz_no {bizNo} was possibly used; a new one is filled in.',
      noProfile: 'No profile with id {id}.',
      photoTooBig:
        '“{name}” is {size}; the console takes photos up to {max} (the service itself is believed to take 2 MB). Nothing was attached.',
      notAnImage: '“{name}” is not an image: its content is not JPEG, PNG or another known image format. Nothing was attached.',
      cloneWhileSending: 'A call is in flight: wait for its answer (or cancel it) before cloning another call into the form.',
      cloneBizNo: 'A fresh biz_no is suggested: the cloned call used {bizNo}, and biz_no must be unique.',
      cloneNoBizNo: 'A fresh biz_no is suggested: the cloned call had none, and biz_no must be unique.',
      notAttached: 'it could not be attached',
    },
    dialog: { close: 'Close' },
    announce: {
      issued: 'Token issued for biz_no {bizNo}.',
      unknown: 'The outcome of the call for biz_no {bizNo} is unknown.',
      failed: 'The token was not issued: {code}.',
      verdict: 'Verdict: {verdict}.',
    },
  },
  id: {
    title: 'FaceID Console',
    views: { label: 'Tampilan', desk: 'Meja layanan', support: 'Dukungan', expert: 'Ahli' },
    tools: { label: 'Alat', verify: 'Periksa callback…', sandbox: 'Sandbox…' },
    language: { label: 'Bahasa', auto: 'Bahasa sistem ({name})' },
    store: {
      bizNoUsed: 'biz_no {bizNo} sudah dipakai; nomor baru sudah diisikan.',
      bizNoPossiblyUsed: 'biz_no {bizNo} mungkin sudah dipakai; nomor baru sudah diisikan.',
      noProfile: 'Tidak ada profil dengan id {id}.',
      photoTooBig:
        '“{name}” berukuran {size}; konsol menerima foto hingga {max} (layanan sendiri diperkirakan menerima 2 MB). Foto tidak dilampirkan.',
      notAnImage: '“{name}” bukan gambar: isinya bukan JPEG, PNG, atau format gambar lain yang dikenal. Foto tidak dilampirkan.',
      cloneWhileSending:
        'Masih ada panggilan yang berjalan: tunggu jawabannya (atau batalkan) sebelum menyalin panggilan lain ke formulir.',
      cloneBizNo: 'biz_no baru disarankan: panggilan yang disalin memakai {bizNo}, dan biz_no harus unik.',
      cloneNoBizNo: 'biz_no baru disarankan: panggilan yang disalin tidak memilikinya, dan biz_no harus unik.',
      notAttached: 'foto tidak dapat dilampirkan',
    },
    dialog: { close: 'Tutup' },
    announce: {
      issued: 'Token diterbitkan untuk biz_no {bizNo}.',
      unknown: 'Hasil panggilan untuk biz_no {bizNo} belum diketahui.',
      failed: 'Token tidak diterbitkan: {code}.',
      verdict: 'Hasil verifikasi: {verdict}.',
    },
  },
  zh: {
    title: 'FaceID 控制台',
    views: { label: '视图', desk: '柜台', support: '支持', expert: '专家' },
    tools: { label: '工具', verify: '验证回调…', sandbox: '沙箱…' },
    language: { label: '语言', auto: '系统语言（{name}）' },
    store: {
      bizNoUsed: 'biz_no {bizNo} 已使用，已填入新的编号。',
      bizNoPossiblyUsed: 'biz_no {bizNo} 可能已使用，已填入新的编号。',
      noProfile: '没有 id 为 {id} 的配置。',
      photoTooBig: '“{name}”大小为 {size}；控制台接受不超过 {max} 的照片（服务本身据信接受 2 MB）。未添加照片。',
      notAnImage: '“{name}”不是图片：内容不是 JPEG、PNG 或其他已知图片格式。未添加照片。',
      cloneWhileSending: '有调用正在进行：请等待其应答（或取消）后再把其他调用复制到表单。',
      cloneBizNo: '已建议新的 biz_no：复制的调用使用的是 {bizNo}，而 biz_no 必须唯一。',
      cloneNoBizNo: '已建议新的 biz_no：复制的调用没有 biz_no，而 biz_no 必须唯一。',
      notAttached: '无法添加',
    },
    dialog: { close: '关闭' },
    announce: {
      issued: '已为 biz_no {bizNo} 签发 token。',
      unknown: 'biz_no {bizNo} 的调用结果未知。',
      failed: '未签发 token：{code}。',
      verdict: '核验结论：{verdict}。',
    },
  },
});
