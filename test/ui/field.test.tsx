// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { ChoiceField, InputField } from '../../src/ui/components/field';
import { OptionsSelect } from '../../src/ui/components/options-select';
import { mount, type Rendered } from './me-support';

let r: Rendered | null = null;
afterEach(() => {
  r?.unmount();
  r = null;
});

describe('InputField', () => {
  it('puts a checkbox before its label and ties the hint to it', () => {
    r = mount(
      <InputField id="c" layout="check" label="Offline" hint="Why" error={null} type="checkbox" />,
    );
    const field = r.q('.field');
    expect(field.classList.contains('field-check')).toBe(true);
    expect(field.firstElementChild?.tagName).toBe('INPUT');
    expect(r.q('label').getAttribute('for')).toBe('c');
    expect(r.q('input').getAttribute('aria-describedby')).toBe('c-hint');
    expect(r.q('input').hasAttribute('aria-invalid')).toBe(false);
  });

  it('marks any input type invalid with its error', () => {
    r = mount(<InputField id="n" label="Delay" error="Whole number" type="number" />);
    const input = r.q<HTMLInputElement>('input');
    expect(input.type).toBe('number');
    expect(r.q('.field').firstElementChild?.tagName).toBe('LABEL');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('n-error');
    expect(r.q('#n-error').textContent).toBe('Whole number');
  });
});

describe('ChoiceField', () => {
  it('labels each radio, says its language, and gives only a listed choice', async () => {
    const onChange = vi.fn();
    r = mount(
      <ChoiceField
        name="lang"
        legend="Language"
        hint="Dates follow it"
        choices={['ja', 'en'] as const}
        value="en"
        labelOf={(l) => (l === 'ja' ? '日本語' : 'English')}
        langOf={(l) => l}
        onChange={onChange}
      />,
    );
    const radios = r.qa('input[type=radio]') as HTMLInputElement[];
    expect(radios.map((x) => x.checked)).toEqual([false, true]);
    expect(radios[0]?.closest('label')?.getAttribute('lang')).toBe('ja');
    expect(r.q('fieldset').getAttribute('aria-describedby')).toBe('lang-hint');
    await act(() => {
      radios[0]?.click();
    });
    expect(onChange).toHaveBeenCalledWith('ja');
  });
});

describe('OptionsSelect', () => {
  it('offers the list in words and passes on only a value of it', async () => {
    const picked: string[] = [];
    r = mount(
      <OptionsSelect
        id="s"
        value="b"
        options={['a', 'b'] as const}
        labelOf={(o) => o.toUpperCase()}
        onChange={(o) => picked.push(o)}
      />,
    );
    const select = r.q<HTMLSelectElement>('select');
    expect(r.qa('option').map((o) => o.textContent)).toEqual(['A', 'B']);
    await act(() => {
      select.value = 'a';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(picked).toEqual(['a']);
  });
});
