package io.finbatch.writers.extract;

/**
 * The CRC-32 of two pieces of data put together, from the CRC-32 of each and the length of the second:
 * a zip entry's checksum when its parts were checksummed apart (zlib's {@code crc32_combine}, computed
 * with 32x32 matrices over GF(2) that advance a CRC by runs of zero bits).
 */
final class Crc32s {

    private static final long REVERSED_POLYNOMIAL = 0xEDB88320L;

    private Crc32s() {
    }

    static long combine(long crc1, long crc2, long length2) {
        if (length2 <= 0) {
            return crc1;
        }
        long[] even = new long[32];
        long[] odd = new long[32];
        odd[0] = REVERSED_POLYNOMIAL; // the operator for one zero bit
        long row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        long crc = crc1;
        long remaining = length2;
        do { // one zero byte first, then doubling: apply the operator for each 1 bit of the length
            square(even, odd);
            if ((remaining & 1) != 0) {
                crc = times(even, crc);
            }
            remaining >>= 1;
            if (remaining == 0) {
                break;
            }
            square(odd, even);
            if ((remaining & 1) != 0) {
                crc = times(odd, crc);
            }
            remaining >>= 1;
        } while (remaining != 0);
        return crc ^ crc2;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
