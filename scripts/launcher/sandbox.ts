/**
 * Chromium's sandbox for `npm start` on Linux. Chromium sandboxes its renderers with
 * unprivileged user namespaces, or else with the setuid helper `chrome-sandbox` next to the
 * binary, which must be owned by root with mode 4755. Ubuntu 24.04 restricts unprivileged user
 * namespaces through AppArmor (kernel.apparmor_restrict_unprivileged_userns=1) and npm leaves
 * node_modules/electron/dist/chrome-sandbox owned by the user, so Electron aborts with "The SUID
 * sandbox helper binary was found, but is not configured correctly" (electron/electron#42510).
 * The deb avoids this (its postinst installs an AppArmor profile, or makes the helper setuid).
 * The launcher keeps the sandbox wherever it can work and otherwise says so in one line, with
 * the two commands that fix it, before running without it.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface SandboxFacts {
  platform: NodeJS.Platform;
  isRoot: boolean;
  /** chrome-sandbox next to the binary: owner and mode, or null when there is none. */
  helper: { path: string; uid: number; mode: number } | null;
  /** /proc/sys values, null where the file does not exist on this kernel. */
  sysctl: {
    unprivilegedUsernsClone: string | null;
    maxUserNamespaces: string | null;
    apparmorRestrictUnprivilegedUserns: string | null;
  };
}

export type SandboxDecision = { sandbox: true; line: null } | { sandbox: false; line: string };

/** Pure. */
export function decideSandbox(facts: SandboxFacts): SandboxDecision {
  if (facts.platform !== 'linux') return { sandbox: true, line: null };
  if (facts.isRoot) {
    return {
      sandbox: false,
      line: 'Running as root: Chromium refuses to sandbox root, so Hall Board runs without its sandbox (run it as the hall user instead).',
    };
  }
  const helper = facts.helper;
  const helperReady =
    helper !== null && helper.uid === 0 && (helper.mode & 0o4000) !== 0 && (helper.mode & 0o111) !== 0;
  if (helperReady) return { sandbox: true, line: null };
  const { unprivilegedUsernsClone, maxUserNamespaces, apparmorRestrictUnprivilegedUserns } = facts.sysctl;
  const blocked =
    apparmorRestrictUnprivilegedUserns === '1'
      ? 'unprivileged user namespaces are restricted by AppArmor (kernel.apparmor_restrict_unprivileged_userns=1, Ubuntu 24.04)'
      : unprivilegedUsernsClone === '0'
        ? 'unprivileged user namespaces are off (kernel.unprivileged_userns_clone=0)'
        : maxUserNamespaces === '0'
          ? 'user namespaces are off (user.max_user_namespaces=0)'
          : null;
  if (blocked === null) return { sandbox: true, line: null };
  const path = helper?.path ?? 'node_modules/electron/dist/chrome-sandbox';
  return {
    sandbox: false,
    line: `Chromium's sandbox cannot start: ${blocked} and ${path} is not setuid root; running without it. Fix: sudo chown root:root '${path}' && sudo chmod 4755 '${path}' (electron/electron#42510; the deb needs neither)`,
  };
}

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** The facts for a binary on this machine. */
export function sandboxFacts(electronBinary: string): SandboxFacts {
  const path = join(dirname(electronBinary), 'chrome-sandbox');
  let helper: SandboxFacts['helper'];
  try {
    const stat = statSync(path);
    helper = { path, uid: stat.uid, mode: stat.mode };
  } catch {
    helper = null;
  }
  return {
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    helper,
    sysctl: {
      unprivilegedUsernsClone: read('/proc/sys/kernel/unprivileged_userns_clone'),
      maxUserNamespaces: read('/proc/sys/user/max_user_namespaces'),
      apparmorRestrictUnprivilegedUserns: read('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'),
    },
  };
}
