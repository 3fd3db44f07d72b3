import { describe, expect, it } from 'vitest';
import { fieldSentence, noticeText } from '../../renderer/stores/call';
import { errorsByField } from '../../renderer/ingest/error-fields';

describe('error notices read as sentences', () => {
  it('names a field in words, not by its internal name', () => {
    expect(noticeText('add the tool', 'name: name is required')).toBe('Could not add the tool: a name is required.');
    expect(noticeText('add production ORCA', 'contactEmail: contactEmail must be an email address like name@netflix.com'))
      .toBe('Could not add production ORCA: the contact email must be an email address like name@netflix.com.');
    expect(noticeText('add production bad code!', 'code: use 1-32 letters, digits, dot, dash or underscore, starting with a letter or digit; staleDays: staleDays must be at least 1'))
      .toBe('Could not add production bad code!: the code is not valid (use 1-32 letters, digits, dot, dash or underscore, starting with a letter or digit); the review period must be at least 1.');
  });

  it('does not say the action twice, nor leave a space before the colon', () => {
    expect(noticeText('watch /tmp/x/nope-dir', 'Cannot watch /tmp/x/nope-dir: it does not exist.')).toBe('Could not watch /tmp/x/nope-dir: it does not exist.');
    expect(noticeText('add tool ', 'x')).toBe('Could not add tool: x.');
    // Sentences of the service are kept as they are.
    expect(noticeText('re-tag asset 3', 'Asset 3 was retired on 2026-01-02.')).toBe('Could not re-tag asset 3: Asset 3 was retired on 2026-01-02.');
  });

  it('puts a field message under its field as a sentence', () => {
    expect(fieldSentence('name', 'name is required')).toBe('A name is required.');
    expect(fieldSentence('contactEmail', 'contactEmail must be an email address like name@netflix.com')).toBe('The contact email must be an email address like name@netflix.com.');
    expect(fieldSentence('code', 'use 1-32 letters')).toBe('Use 1-32 letters.');
  });

  it('says only why under a path field that holds the path the message names', () => {
    const missing = { code: 'failed' as const, message: 'Cannot read "/tmp/does-not-exist": it does not exist' };
    expect(errorsByField(missing, ['paths'], 'paths', '/tmp/does-not-exist').fields.paths).toBe('It does not exist.');
    expect(errorsByField(missing, ['paths'], 'paths', '/elsewhere').fields.paths).toBe(missing.message);
  });
});
