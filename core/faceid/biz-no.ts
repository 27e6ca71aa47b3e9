/** A fresh, unique-looking biz_no suggestion: desk-YYYYMMDD-HHMMSS-xxxx (local time, 16 random bits). */
export function suggestBizNo(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  const rand = Array.from(crypto.getRandomValues(new Uint8Array(2)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `desk-${stamp}-${rand}`;
}
