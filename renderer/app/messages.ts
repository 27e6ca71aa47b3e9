/** Words of the console's frame: header, views, tools, language menu. */
import { defineMessages } from '../../core/i18n/messages';

export const appMessages = defineMessages({
  en: {
    title: 'FaceID Console',
    views: { label: 'Views', desk: 'Desk', support: 'Support', expert: 'Expert' },
    tools: { label: 'Tools', verify: 'Verify callback…', sandbox: 'Sandbox…' },
    language: { label: 'Language', auto: 'System language ({name})' },
  },
  id: {
    title: 'FaceID Console',
    views: { label: 'Tampilan', desk: 'Meja layanan', support: 'Dukungan', expert: 'Ahli' },
    tools: { label: 'Alat', verify: 'Periksa callback…', sandbox: 'Sandbox…' },
    language: { label: 'Bahasa', auto: 'Bahasa sistem ({name})' },
  },
  zh: {
    title: 'FaceID 控制台',
    views: { label: '视图', desk: '柜台', support: '支持', expert: '专家' },
    tools: { label: '工具', verify: '验证回调…', sandbox: '沙箱…' },
    language: { label: '语言', auto: '系统语言（{name}）' },
  },
});
