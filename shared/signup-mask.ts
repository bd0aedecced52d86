/**
 * How the console shows a worker's personal data until staff reveal it (an audited action):
 * the phone as `138****8000` (shared/format.ts), the name as its first character and stars.
 */
export { maskPhone } from './format';

/** `张三` → `张*`, `欧阳娜娜` → `欧***`, `阿卜杜·热合曼` → `阿******`; '' stays ''. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}
