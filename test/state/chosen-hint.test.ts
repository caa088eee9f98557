import { describe, expect, it } from 'vitest';
import {
  CHOSEN_ID_KEY,
  CHOSEN_KEY,
  HOME_KEYS_KEY,
  chosenAccountHint,
  homeKeysHint,
  likelyNobodyChosen,
  pageStorage,
  rememberChosen,
  rememberHomeKeys,
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

describe('the keys of home\u2019s rows in the hint', () => {
  const keys = {
    accountId: 'acc-1',
    orgId: 'org-1',
    personId: 'p-1',
    profileIds: ['pr-1', 'pr-2'],
  };

  it('are read back for their account only, and go when nobody is chosen', () => {
    const storage = memory();
    rememberHomeKeys(storage, keys);
    expect(homeKeysHint(storage, 'acc-1')).toEqual(keys);
    expect(homeKeysHint(storage, 'acc-2')).toBeNull();
    rememberChosen(storage, true, 'acc-1');
    expect(homeKeysHint(storage, 'acc-1')).toEqual(keys);
    rememberChosen(storage, false);
    expect(storage.getItem(HOME_KEYS_KEY)).toBeNull();
  });

  it('are written only when they changed', () => {
    const storage = memory();
    let writes = 0;
    const counting = {
      ...storage,
      setItem: (key: string, value: string) => {
        writes++;
        storage.setItem(key, value);
      },
    };
    rememberHomeKeys(counting, keys);
    rememberHomeKeys(counting, { ...keys, profileIds: [...keys.profileIds] });
    expect(writes).toBe(1);
    rememberHomeKeys(counting, { ...keys, profileIds: ['pr-1'] });
    expect(writes).toBe(2);
    expect(homeKeysHint(storage, 'acc-1')?.profileIds).toEqual(['pr-1']);
  });

  it('are no hint unless they are what rememberHomeKeys writes (localStorage is outside input)', () => {
    const storage = memory();
    const bad: unknown[] = [
      'not json',
      null,
      42,
      [],
      { ...keys, orgId: 'a b' },
      { ...keys, personId: 7 },
      { ...keys, profileIds: 'pr-1' },
      { ...keys, profileIds: ['pr-1', '<script>'] },
      { ...keys, profileIds: Array.from({ length: 17 }, (_, i) => `pr-${String(i)}`) },
      { orgId: 'org-1', personId: 'p-1', profileIds: [] },
    ];
    for (const value of bad) {
      storage.setItem(HOME_KEYS_KEY, typeof value === 'string' ? value : JSON.stringify(value));
      expect(homeKeysHint(storage, 'acc-1'), JSON.stringify(value)).toBeNull();
    }
    // None is written that would not be read back.
    storage.removeItem(HOME_KEYS_KEY);
    rememberHomeKeys(storage, { ...keys, personId: 'not an id' });
    expect(storage.getItem(HOME_KEYS_KEY)).toBeNull();
    expect(homeKeysHint(refusing, 'acc-1')).toBeNull();
    expect(() => {
      rememberHomeKeys(refusing, keys);
    }).not.toThrow();
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
