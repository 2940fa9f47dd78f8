package adapters.randomuser;

import java.io.Writer;

/**
 * A Writer over a StringBuilder that is emptied and reused for the next profile: one JSON generator
 * per page can then write every profile, instead of one generator and buffer per profile.
 */
final class ReusableStringWriter extends Writer {

    private final StringBuilder buffer;

    ReusableStringWriter(int capacity) {
        buffer = new StringBuilder(capacity);
    }

    String takeContent() {
        String content = buffer.toString();
        buffer.setLength(0);
        return content;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        buffer.append(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
        buffer.append(text, offset, offset + length);
    }

    @Override
    public void write(int c) {
        buffer.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
