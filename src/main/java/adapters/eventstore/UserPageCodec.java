package adapters.eventstore;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import domain.run.RunId;
import domain.user.FieldProblem;
import domain.user.User;
import domain.user.UserId;

/**
 * The binary form of a {@link StoredUserPage}: a version byte, the run id, page and fetch time once,
 * then each user's fields in the order of {@link User}'s components. Strings are UTF-8 behind a
 * variable-length length (0: null, n + 1: n bytes), UUIDs two longs, instants seconds and nanos
 * behind a presence byte. A field added to {@code User} is a new version here; a version this code
 * does not know is refused, never guessed.
 */
final class UserPageCodec {

    static final byte VERSION = 1;
    private static final int FIELD_PROBLEM_NULLED = 1;

    private UserPageCodec() {}

    static byte[] encode(StoredUserPage page) {
        Writer out = new Writer(64 + 320 * page.users().size());
        out.buffer.write(VERSION);
        out.uuid(page.runId().value());
        out.varint(page.page());
        out.instant(page.fetchedAt());
        out.varint(page.users().size());
        for (User user : page.users()) {
            out.uuid(user.id().value());
            out.text(user.firstName());
            out.text(user.lastName());
            out.text(user.gender());
            out.text(user.address());
            out.text(user.postCode());
            out.text(user.email());
            out.text(user.username());
            out.instant(user.dob());
            out.instant(user.registeredDate());
            out.text(user.phone());
            out.text(user.picture());
            out.text(user.nationality());
            out.varint(user.fieldProblems().size());
            for (FieldProblem problem : user.fieldProblems()) {
                out.text(problem.field());
                out.text(problem.what());
                out.buffer.write(problem.nulled() ? FIELD_PROBLEM_NULLED : 0);
            }
        }
        return out.buffer.toByteArray();
    }

    static StoredUserPage decode(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            Reader read = new Reader(in);
            RunId runId = read.runId();
            int page = read.varint();
            Instant fetchedAt = read.instant();
            int count = read.varint();
            List<User> users = new ArrayList<>(Math.min(count, bytes.length / 16));
            for (int i = 0; i < count; i++) {
                UserId id = new UserId(read.uuid());
                String firstName = read.text();
                String lastName = read.text();
                String gender = read.text();
                String address = read.text();
                String postCode = read.text();
                String email = read.text();
                String username = read.text();
                Instant dob = read.instant();
                Instant registered = read.instant();
                String phone = read.text();
                String picture = read.text();
                String nationality = read.text();
                int problems = read.varint();
                List<FieldProblem> fieldProblems = new ArrayList<>(Math.min(problems, 16));
                for (int p = 0; p < problems; p++) {
                    fieldProblems.add(new FieldProblem(read.text(), read.text(), in.get() == FIELD_PROBLEM_NULLED));
                }
                users.add(new User(
                        id,
                        firstName,
                        lastName,
                        gender,
                        address,
                        postCode,
                        email,
                        username,
                        dob,
                        registered,
                        phone,
                        picture,
                        nationality,
                        fieldProblems));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the last user");
            }
            return new StoredUserPage(runId, page, fetchedAt, users);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("a stored user page ends in the middle of a value", e);
        }
    }

    /** The run a stored page belongs to, read from its first bytes only. */
    static RunId runIdOf(byte[] bytes) {
        return new Reader(ByteBuffer.wrap(bytes)).runId();
    }

    private static final class Writer {
        final ByteArrayOutputStream buffer;

        Writer(int size) {
            buffer = new ByteArrayOutputStream(size);
        }

        void varint(int value) {
            int rest = value;
            while ((rest & ~0x7F) != 0) {
                buffer.write((rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            buffer.write(rest);
        }

        void longValue(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer.write((int) (value >>> shift));
            }
        }

        void uuid(UUID value) {
            longValue(value.getMostSignificantBits());
            longValue(value.getLeastSignificantBits());
        }

        void instant(Instant value) {
            if (value == null) {
                buffer.write(0);
                return;
            }
            buffer.write(1);
            longValue(value.getEpochSecond());
            varint(value.getNano());
        }

        void text(String value) {
            if (value == null) {
                varint(0);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length + 1);
            buffer.write(utf8, 0, utf8.length);
        }
    }

    private record Reader(ByteBuffer in) {

        RunId runId() {
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException(
                        "a stored user page of version " + version + ", this code reads " + VERSION);
            }
            return new RunId(uuid());
        }

        int varint() {
            int value = 0;
            for (int shift = 0; shift < 32; shift += 7) {
                byte b = in.get();
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    if (value < 0) {
                        break;
                    }
                    return value;
                }
            }
            throw new IllegalArgumentException("a stored user page holds a malformed length");
        }

        UUID uuid() {
            return new UUID(in.getLong(), in.getLong());
        }

        Instant instant() {
            byte present = in.get();
            return present == 0 ? null : Instant.ofEpochSecond(in.getLong(), varint());
        }

        String text() {
            int length = varint();
            if (length == 0) {
                return null;
            }
            if (length - 1 > in.remaining()) {
                throw new IllegalArgumentException("a stored user page holds a string longer than the page");
            }
            String value = new String(in.array(), in.arrayOffset() + in.position(), length - 1, StandardCharsets.UTF_8);
            in.position(in.position() + length - 1);
            return value;
        }
    }
}
