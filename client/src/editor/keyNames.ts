const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** How the shortcut keys are named on this computer: Ctrl and Alt, or ⌘ and ⌥ on a Mac. */
export const keyNames = { mod: isMac ? '⌘' : 'Ctrl', alt: isMac ? '⌥' : 'Alt' } as const;
