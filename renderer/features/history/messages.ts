/** Words of the Support view (the history: find, trace, compare, reproduce). */
import { defineMessages } from '../../../core/i18n/messages';

export const supportMessages = defineMessages({
  en: {
    search: {
      label: 'Search any part of biz_no, uuid, biz_id, token, request_id, error code or field, biz_extra_data, profile or operator',
      placeholder: 'Find any fragment: biz_no, uuid, biz_id, token, error…',
      short: 'One or two characters match the start of an id only; type three or more to find them anywhere.',
      matching: 'matching “{text}”',
    },
    curl: {
      keepBizNo: 'Keep the original biz_no',
      copied: 'Copied to the clipboard. The secret is read from $FACEID_API_SECRET.',
      notCopied: 'Not copied to the clipboard ({message}); select the command below and copy it.',
      freshBizNo: 'It sends a fresh biz_no, {bizNo}, instead of {original}.',
      keptWarning: 'This command resends the original biz_no {bizNo}. The service expects each biz_no to be unique: two tokens under one biz_no are hard to tell apart.',
      failed: 'The cURL command could not be made: {message}',
    },
    trail: { label: 'Clone trail', from: 'Cloned from #{id}', to: 'Cloned as', listTag: 'cloned from #{id}' },
    callback: {
      claimTitle: 'Untrusted claim',
      claimWarning: 'The signature does not match, so anyone could have written this payload. It is shown as sent, not as a result: do not act on it.',
    },
  },
  id: {
    search: {
      label: 'Cari bagian mana pun dari biz_no, uuid, biz_id, token, request_id, kode atau kolom error, biz_extra_data, profil, atau operator',
      placeholder: 'Cari potongan apa saja: biz_no, uuid, biz_id, token, error…',
      short: 'Satu atau dua karakter hanya dicocokkan dengan awal ID; ketik tiga karakter atau lebih untuk mencari di bagian mana pun.',
      matching: 'yang memuat “{text}”',
    },
    curl: {
      keepBizNo: 'Pertahankan biz_no asli',
      copied: 'Sudah disalin ke clipboard. Secret dibaca dari $FACEID_API_SECRET.',
      notCopied: 'Tidak tersalin ke clipboard ({message}); pilih perintah di bawah lalu salin.',
      freshBizNo: 'Perintah ini mengirim biz_no baru, {bizNo}, sebagai ganti {original}.',
      keptWarning: 'Perintah ini mengirim ulang biz_no asli {bizNo}. Layanan mengharapkan setiap biz_no unik: dua token dengan biz_no yang sama sulit dibedakan.',
      failed: 'Perintah cURL tidak dapat dibuat: {message}',
    },
    trail: { label: 'Jejak salinan', from: 'Disalin dari #{id}', to: 'Disalin menjadi', listTag: 'disalin dari #{id}' },
    callback: {
      claimTitle: 'Klaim tidak terpercaya',
      claimWarning: 'Tanda tangan (sign) tidak cocok, jadi isi ini bisa ditulis oleh siapa saja. Ditampilkan apa adanya, bukan sebagai hasil verifikasi: jangan ditindaklanjuti.',
    },
  },
  zh: {
    search: {
      label: '搜索 biz_no、uuid、biz_id、token、request_id、错误码或出错字段、biz_extra_data、配置或操作员中的任意片段',
      placeholder: '输入任意片段：biz_no、uuid、biz_id、token、错误码…',
      short: '一到两个字符只匹配编号的开头；输入三个或更多字符即可匹配任意位置。',
      matching: '包含“{text}”',
    },
    curl: {
      keepBizNo: '保留原 biz_no',
      copied: '已复制到剪贴板。secret 从 $FACEID_API_SECRET 读取。',
      notCopied: '未能复制到剪贴板（{message}）；请选中下方命令手动复制。',
      freshBizNo: '命令使用新的 biz_no：{bizNo}，而不是原来的 {original}。',
      keptWarning: '此命令会重发原 biz_no {bizNo}。服务要求 biz_no 唯一：同一 biz_no 下的两个 token 很难区分。',
      failed: '无法生成 cURL 命令：{message}',
    },
    trail: { label: '克隆记录', from: '克隆自 #{id}', to: '已克隆为', listTag: '克隆自 #{id}' },
    callback: {
      claimTitle: '不可信的声明',
      claimWarning: '签名（sign）不匹配，任何人都可能写出这段内容。以下按原样显示，不是验证结果，请勿据此操作。',
    },
  },
});
