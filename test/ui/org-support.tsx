/** The organization screens' test helpers: the shared happy-dom ones, plus choosing in a select. */
import { act } from 'preact/test-utils';
import { settle } from './me-support';

export {
  actAsInDemo,
  click,
  mount,
  settle,
  submit,
  type,
  until,
  type Rendered,
} from './me-support';

export async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
  });
}
