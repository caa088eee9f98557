import { describe, expect, it } from 'vitest';
import {
  CHOSEN_KEY,
  likelyNobodyChosen,
  pageStorage,
  rememberChosen,
} from '../../src/state/chosen-hint';

function memory(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
  };
}

const refusing: Pick<Storage, 'getItem' | 'setItem'> = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
};

describe('the "somebody is chosen" hint', () => {
  it('says what the last visit chose, whatever the worker', () => {
    const storage = memory();
    rememberChosen(storage, true);
    expect(storage.getItem(CHOSEN_KEY)).toBe('1');
    expect(likelyNobodyChosen(storage, false)).toBe(false);
    expect(likelyNobodyChosen(storage, true)).toBe(false);
    rememberChosen(storage, false);
    expect(likelyNobodyChosen(storage, false)).toBe(true);
    expect(likelyNobodyChosen(storage, true)).toBe(true);
  });

  it('without a hint: a first visit (no worker) is nobody; a page a worker controls waits for the settings', () => {
    expect(likelyNobodyChosen(memory(), false)).toBe(true);
    expect(likelyNobodyChosen(memory(), true)).toBe(false);
    expect(likelyNobodyChosen(null, true)).toBe(false);
  });

  it('a storage that refuses is no hint, and remembering into it does not throw', () => {
    expect(likelyNobodyChosen(refusing, true)).toBe(false);
    expect(likelyNobodyChosen(refusing, false)).toBe(true);
    expect(() => {
      rememberChosen(refusing, true);
    }).not.toThrow();
  });

  it('an unexpected value is no hint', () => {
    const storage = memory();
    storage.setItem(CHOSEN_KEY, 'yes');
    expect(likelyNobodyChosen(storage, true)).toBe(false);
    expect(likelyNobodyChosen(storage, false)).toBe(true);
  });
});

describe('pageStorage', () => {
  it('is null where reaching localStorage throws, so the shell still starts', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    try {
      expect(pageStorage()).toBeNull();
      expect(likelyNobodyChosen(pageStorage(), false)).toBe(true);
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'localStorage', descriptor);
      else Reflect.deleteProperty(globalThis, 'localStorage');
    }
  });
});
