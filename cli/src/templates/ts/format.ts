// A plain TypeScript module: `npx tsc` (after `npm install`) checks it, wx.* included,
// against miniprogram-api-typings; miniweave strips the types and adapts wx.* per platform.

/** The label shown for a count. */
export function countLabel(count: number): string {
  return `Count: ${count}`
}

/** A short message at the bottom of the screen. */
export function toast(title: string): void {
  wx.showToast({ title, icon: 'none' })
}
