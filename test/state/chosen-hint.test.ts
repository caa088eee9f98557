import { describe, expect, it } from 'vitest';
import {
  CHOSEN_ID_KEY,
  CHOSEN_KEY,
  chosenAccountHint,
  likelyNobodyChosen,
  pageStorage,
  rememberChosen,
} from '../../src/state/chosen-hint';

function memory(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
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

describe('the chosen account in the hint', () => {
  it('is kept with "chosen" and read back; without an id or with nobody chosen there is none', () => {
    const storage = memory();
    rememberChosen(storage, true, 'acc-1');
    expect(chosenAccountHint(storage)).toBe('acc-1');
    // A change that does not say who (an older build, a script): no id is kept.
    rememberChosen(storage, true);
    expect(chosenAccountHint(storage)).toBeNull();
    rememberChosen(storage, true, 'acc-2');
    rememberChosen(storage, false, 'acc-2');
    expect(chosenAccountHint(storage)).toBeNull();
    expect(likelyNobodyChosen(storage, true)).toBe(true);
  });

  it('is read only when it looks like an id and the hint says chosen (localStorage is outside input)', () => {
    const storage = memory();
    storage.setItem(CHOSEN_KEY, '1');
    for (const bad of ['', 'a b', '<script>', 'x'.repeat(129), 'a/b']) {
      storage.setItem(CHOSEN_ID_KEY, bad);
      expect(chosenAccountHint(storage)).toBeNull();
    }
    storage.setItem(CHOSEN_ID_KEY, 'a0');
    expect(chosenAccountHint(storage)).toBe('a0');
    storage.setItem(CHOSEN_KEY, '0');
    expect(chosenAccountHint(storage)).toBeNull();
    rememberChosen(storage, true, 'not an id');
    expect(storage.getItem(CHOSEN_ID_KEY)).toBeNull();
    expect(chosenAccountHint(refusing)).toBeNull();
    expect(chosenAccountHint(null)).toBeNull();
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
