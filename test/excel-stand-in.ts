/** A stand-in for Excel's CustomFunctions global, as the integration tests need it. */
export class StandInError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
} as const;

export function installCustomFunctions(): { associated: Map<string, (...args: unknown[]) => unknown> } {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: StandInError,
    ErrorCode,
    associate: (id: string, fn: (...args: unknown[]) => unknown) => {
      if (associated.has(id)) throw new Error(`associated twice: ${id}`);
      associated.set(id, fn);
    },
  };
  return { associated };
}

/** Calls fn and returns what Excel would show: the value, or the thrown error's code and message. */
export function callExcel(fn: (...args: never[]) => unknown, ...args: unknown[]): unknown {
  try {
    return (fn as (...a: unknown[]) => unknown)(...args);
  } catch (e) {
    if (e instanceof StandInError) return { error: e.code, message: e.message };
    throw e;
  }
}
