// What a page last announced, read out by its StatusRegion. A live region speaks only when
// its text changes, so the same words twice in a row would be heard once: say() empties the
// region and lets the page show it empty before it puts the words in.
import { tick } from 'svelte';

export class Announcer {
  message = $state('');

  /** Announces message, even when it is the one already shown. */
  async say(message: string): Promise<void> {
    this.message = '';
    await tick();
    this.message = message;
  }

  /** Takes the last announcement away, for example when a new try starts. */
  clear(): void {
    this.message = '';
  }
}
