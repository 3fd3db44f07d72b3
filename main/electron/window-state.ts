import { readFileSync, writeFileSync, renameSync } from 'node:fs';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_STATE: WindowState = { width: 1440, height: 900, maximized: false };

/** Remembered bounds are used only if they are still visible on some display (monitors get unplugged). */
export function restoreState(saved: unknown, displays: Area[]): WindowState {
  if (!saved || typeof saved !== 'object') return DEFAULT_STATE;
  const s = saved as Partial<WindowState>;
  const width = Number(s.width);
  const height = Number(s.height);
  if (!(width >= 640 && height >= 400)) return DEFAULT_STATE;
  const state: WindowState = { width, height, maximized: s.maximized === true };
  if (typeof s.x === 'number' && typeof s.y === 'number') {
    const visible = displays.some((d) => s.x! + 100 > d.x && s.y! >= d.y && s.x! < d.x + d.width - 100 && s.y! < d.y + d.height - 50);
    if (visible) Object.assign(state, { x: s.x, y: s.y });
  }
  return state;
}

export function loadState(file: string, displays: Area[]): WindowState {
  try {
    return restoreState(JSON.parse(readFileSync(file, 'utf8')), displays);
  } catch {
    return DEFAULT_STATE;
  }
}

export function saveState(file: string, state: WindowState): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}
