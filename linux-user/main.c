/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * guise-<arch>, the Linux user-mode program: options, start-up and exit.
 *
 *   guise-aarch64 [options] program [arguments...]
 *
 * Options follow qemu-<arch>'s names and are read from a table: each may
 * also come from the environment as GUISE_<NAME> (or QEMU's QEMU_<NAME>);
 * the command line wins.  Parsing stops at the first word that is not an
 * option: the program.  A bad option or value is one line on stderr and
 * exit status 1; a missing program is 127.
 *
 * Start-up: translator options (exec_opts), exec_init, the memory map, the
 * ELF loader (which builds the stack), a CPU state for the entry point,
 * signals, system calls, and the architecture's CPU loop, which never
 * returns: the guest leaves through user_exit() or a fatal signal.  The
 * options in effect are kept as words in user_opts.guise_argv so that an
 * execve of a guest binary can start guise again the same way.
 *
 * Started by the kernel's binfmt_misc (see binfmt_detect below and
 * man/guise-binfmt.1), the command line holds no options: only the program
 * and the guest's arguments.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <unistd.h>
#include "linux-user/user.h"
#include "translate/exec.h"
#include "translate/tcache.h"
#include "util/log.h"
#include "util/prefault.h"

#ifdef PACKAGE_VERSION
#define GUISE_VERSION PACKAGE_VERSION
#else
#define GUISE_VERSION "0.1"
#endif

UserOptions user_opts;
GuestImage guest_image;

/* Environment edits (-E, -U) in the order given. */
typedef struct EnvEdit {
    char *text;         /* "var=value" to set, "var" to unset */
    bool unset;
} EnvEdit;

static EnvEdit *env_edits;
static size_t n_env_edits;
static unsigned log_items;           /* -d */
static const char *log_filename;     /* -D */
static bool log_append;              /* -log-append */

/* The option words passed on to a re-executed guise. */
static char **carried;
static int n_carried;

static void __attribute__((noreturn, format(printf, 1, 2))) usage_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "guise-%s: ", target_info.name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

/* ---- option handlers ---- */

static void add_env_edits(const char *list, bool unset, const char *opt)
{
    char *copy = strdup(list), *save = NULL;

    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (!unset && (!strchr(tok, '=') || tok[0] == '='))
            usage_error("%s expects var=value, not '%s'", opt, tok);
        if (unset && strchr(tok, '='))
            usage_error("%s expects a variable name, not '%s'", opt, tok);
        env_edits = realloc(env_edits, (n_env_edits + 1) * sizeof(*env_edits));
        env_edits[n_env_edits++] = (EnvEdit){ strdup(tok), unset };
    }
    free(copy);
}

static void opt_L(const char *a)    { user_opts.sysroot = a; }
static void opt_E(const char *a)    { add_env_edits(a, false, "-E"); }
static void opt_U(const char *a)    { add_env_edits(a, true, "-U"); }
static void opt_0(const char *a)    { user_opts.argv0 = a; }
static void opt_D(const char *a)    { log_filename = a; }
static void opt_log_append(const char *a) { (void)a; log_append = true; }
static void opt_strace(const char *a) { (void)a; user_opts.strace = true; }
static void opt_one_insn(const char *a) { (void)a; exec_opts.max_insns = 1; }

static void opt_cpu(const char *a)
{
    if (!strcmp(a, "help")) {
        target_cpu_list();
        exit(0);
    }
    if (!target_cpu_model_ok(a))
        usage_error("unknown CPU model '%s' (try -cpu help)", a);
    user_opts.cpu_model = a;
}

static void opt_d(const char *a)
{
    if (!strcmp(a, "help")) {
        log_print_help(stdout);
        exit(0);
    }
    if (!log_parse_mask(a, &log_items))
        exit(1);
}

/* A size with an optional k/M/G suffix within [min, max]; false if not. */
static bool parse_size(const char *a, unsigned long long min, unsigned long long max,
                       unsigned long long *out)
{
    char *end;
    unsigned long long v;

    errno = 0;
    v = strtoull(a, &end, 0);
    switch (*end) {
    case 'k': case 'K': v <<= 10; end++; break;
    case 'm': case 'M': v <<= 20; end++; break;
    case 'g': case 'G': v <<= 30; end++; break;
    }
    if (errno || end == a || *end || a[0] == '-' || v < min || v > max)
        return false;
    *out = v;
    return true;
}

static void opt_s(const char *a)
{
    unsigned long long v;
    if (!parse_size(a, 65536, 1ull << 36, &v))
        usage_error("bad stack size '%s' for -s (a number from 64k to 64G, "
                    "with an optional k, M or G suffix)", a);
    user_opts.stack_size = (size_t)v;
}

static void opt_tb_size(const char *a)
{
    unsigned long long v;
    if (!parse_size(a, 64 << 10, 1ull << 31, &v))
        usage_error("bad code buffer size '%s' for -tb-size (a number from 64k to 2G, "
                    "with an optional k, M or G suffix)", a);
    exec_opts.code_size = (size_t)v;
}

static void opt_warm(const char *a)
{
    char *end;
    unsigned long v = strtoul(a, &end, 10);

    if (!*a || *end || v > EXEC_WARM_MAX)
        usage_error("bad run count '%s' for -warm (a number from 0 to %d)", a, EXEC_WARM_MAX);
    exec_opts.warm = (unsigned)v;
    exec_opts.warm_set = true;
}

static bool on_off(const char *a, const char *opt)
{
    if (!strcmp(a, "on"))
        return true;
    if (!strcmp(a, "off"))
        return false;
    usage_error("%s expects on or off, not '%s'", opt, a);
}

static void opt_jit(const char *a)   { exec_opts.use_interp = !on_off(a, "-jit"); }
static void opt_opt(const char *a)   { exec_opts.no_opt = !on_off(a, "-opt"); }
static void opt_chain(const char *a) { exec_opts.no_chain = !on_off(a, "-chain"); }
static void opt_split_wx(const char *a) { exec_opts.split_wx = on_off(a, "-split-wx"); }
static void opt_tc(const char *a)
{
    user_opts.tcache_dir = strcmp(a, "off") ? a : NULL;
}
static void opt_help(const char *a);
static void opt_version(const char *a)
{
    (void)a;
    printf("guise-%s version " GUISE_VERSION "\n", target_info.name);
    exit(0);
}

typedef struct OptDef {
    const char *name;        /* after the '-' */
    const char *env;         /* GUISE_<env> / QEMU_<env>, or NULL */
    const char *arg;         /* argument name in the help, NULL: a flag */
    bool carry;              /* also for a re-executed guise */
    void (*handle)(const char *arg);
    const char *help;
} OptDef;

static const OptDef options[] = {
    { "L", "LD_PREFIX", "path", true, opt_L, "guest root for the dynamic loader and absolute paths" },
    { "E", "SET_ENV", "var=value", false, opt_E, "set a variable in the guest environment (comma list)" },
    { "U", "UNSET_ENV", "var", false, opt_U, "remove a variable from the guest environment" },
    { "0", "ARGV0", "argv0", false, opt_0, "the guest's argv[0]" },
    { "cpu", "CPU", "model", true, opt_cpu, "CPU model (-cpu help lists them)" },
    { "s", "STACK_SIZE", "size", true, opt_s, "guest stack size (k/M/G suffixes; default 8M)" },
    { "d", "LOG", "item,...", true, opt_d, "log the given items (-d help lists them)" },
    { "D", "LOG_FILENAME", "file", true, opt_D, "write the log to file (%d: the pid)" },
    { "log-append", NULL, NULL, true, opt_log_append,
      "append to the -D file (what a guise re-executed by execve does)" },
    { "strace", "STRACE", NULL, true, opt_strace, "print the system calls made" },
    { "jit", NULL, "on|off", true, opt_jit, "off: run blocks in the IR interpreter" },
    { "opt", NULL, "on|off", true, opt_opt, "off: skip the IR optimiser" },
    { "chain", NULL, "on|off", true, opt_chain, "off: never chain blocks directly, nor run guest calls as host calls" },
    { "warm", "WARM", "runs", true, opt_warm,
      "interpret a block this often before translating it (default 32, 8 after 8192 translations but in a forked child; 0: translate at once)" },
    { "one-insn-per-tb", NULL, NULL, true, opt_one_insn, "translate one instruction per block" },
    { "tb-size", "TB_SIZE", "size", true, opt_tb_size, "size of the translated code buffer (default 256M)" },
    { "split-wx", "SPLIT_WX", "on|off", true, opt_split_wx,
      "on: code memory never writable and executable at once (two views; no huge pages)" },
    { "tc", "TC", "dir|on|off", true, opt_tc,
      "keep translated code across runs in dir (on: ~/.cache/guise/tc)" },
    { "h", NULL, NULL, false, opt_help, "print this help" },
    { "help", NULL, NULL, false, opt_help, "print this help" },
    { "version", NULL, NULL, false, opt_version, "print the version" },
};
#define N_OPTIONS (sizeof(options) / sizeof(options[0]))

static void opt_help(const char *a)
{
    (void)a;
    printf("usage: guise-%s [options] program [arguments...]\n\n"
           "Runs a Linux %s program.  Options (environment variable in brackets):\n",
           target_info.name, target_info.name);
    for (size_t i = 0; i < N_OPTIONS; i++) {
        char left[48];
        snprintf(left, sizeof(left), "-%s%s%s", options[i].name, options[i].arg ? " " : "",
                 options[i].arg ? options[i].arg : "");
        printf("  %-22s %s", left, options[i].help);
        if (options[i].env)
            printf(" [GUISE_%s]", options[i].env);
        printf("\n");
    }
    printf("\nQEMU's QEMU_* variable names are accepted too.\n");
    exit(0);
}

/* ---- parsing ---- */

static void carry(const OptDef *o, const char *arg)
{
    if (!o->carry)
        return;
    carried = realloc(carried, (n_carried + 3) * sizeof(*carried));
    if (asprintf(&carried[n_carried++], "-%s", o->name) < 0)
        exit(1);
    if (o->arg)
        carried[n_carried++] = strdup(arg);
}

static void apply(const OptDef *o, const char *arg)
{
    o->handle(arg);
    carry(o, arg);
}

/* Options from QEMU_* then GUISE_* variables (the latter win). */
static void parse_environment(void)
{
    static const char *const prefixes[] = { "QEMU_", "GUISE_" };

    for (size_t p = 0; p < 2; p++) {
        for (size_t i = 0; i < N_OPTIONS; i++) {
            char name[64];
            const char *v;
            if (!options[i].env)
                continue;
            snprintf(name, sizeof(name), "%s%s", prefixes[p], options[i].env);
            v = getenv(name);
            if (v && (*v || !options[i].arg))
                apply(&options[i], v);
        }
    }
}

static const OptDef *find_option(const char *word)
{
    const char *name = word + 1 + (word[1] == '-');   /* -opt or --opt */
    for (size_t i = 0; i < N_OPTIONS; i++)
        if (!strcmp(name, options[i].name))
            return &options[i];
    return NULL;
}

/* Returns the index of the program in argv. */
static int parse_options(int argc, char **argv)
{
    int i = 1;

    parse_environment();
    while (i < argc && argv[i][0] == '-' && argv[i][1]) {
        const OptDef *o;
        if (!strcmp(argv[i], "--")) {
            i++;
            break;
        }
        o = find_option(argv[i]);
        if (!o)
            usage_error("unknown option '%s' (try -h)", argv[i]);
        if (o->arg && i + 1 >= argc)
            usage_error("option '%s' needs an argument (%s)", argv[i], o->arg);
        apply(o, o->arg ? argv[i + 1] : NULL);
        i += o->arg ? 2 : 1;
    }
    if (i >= argc)
        usage_error("no program to run (usage: guise-%s [options] program [arguments...]; "
                    "try -h)", target_info.name);
    return i;
}

/* ---- binfmt_misc ---- */

#ifndef AT_FLAGS_PRESERVE_ARGV0
#define AT_FLAGS_PRESERVE_ARGV0 1   /* linux/binfmts.h, Linux 5.12 */
#endif

/* How the kernel's binfmt_misc started us, read from our own auxv. */
typedef struct BinfmtCall {
    bool active;            /* started by binfmt_misc with the P or O flag */
    bool preserve_argv0;    /* P: argv is guise FILENAME ARGV0 ARGS... */
    int execfd;             /* O (and C): the binary, opened by the kernel; or -1 */
} BinfmtCall;

/*
 * binfmt_misc runs "INTERPRETER FILENAME ARGS..." where ARGS starts with the
 * original argv[0] under the P flag (which the kernel reports by setting
 * AT_FLAGS_PRESERVE_ARGV0 in AT_FLAGS) and without it the original argv[0]
 * is dropped.  With O, or C which implies it, the kernel opens the binary
 * and passes the descriptor as AT_EXECFD: the file may be unreadable to us
 * (execute-only) or named by a path that no longer resolves (execveat).
 * Either mark is proof that the command line is the kernel's, so it is not
 * parsed for options (a program named "-x" stays a program).  With neither
 * flag the call is indistinguishable from "guise-aarch64 FILENAME ARGS...",
 * and runs the same.  Under C a setuid binary makes AT_SECURE true: then the
 * GUISE_* and QEMU_* variables, set by the unprivileged caller, are ignored.
 * user_opts.binfmt records the mark: a guest's execve of a foreign program
 * can then go to the kernel as it is, which starts guise again through
 * binfmt_misc (in a chroot, guise's own path and /proc may not exist).
 */
static void binfmt_detect(BinfmtCall *b)
{
    unsigned long v;

    errno = 0;
    v = getauxval(AT_EXECFD);
    b->execfd = errno == ENOENT ? -1 : (int)v;
    b->preserve_argv0 = getauxval(AT_FLAGS) & AT_FLAGS_PRESERVE_ARGV0;
    b->active = b->preserve_argv0 || b->execfd >= 0;
}

/* The guest's argv from a binfmt_misc command line (FILENAME at argv[1]). */
static char **binfmt_guest_argv(const BinfmtCall *b, int argc, char **argv)
{
    /* Under P an exec with an empty argv leaves no ARGV0: use FILENAME. */
    if (b->preserve_argv0 && argc >= 3)
        return argv + 2;
    return argv + 1;
}

/* ---- the guest's argv and environment ---- */

static char **guest_environment(void)
{
    extern char **environ;
    size_t n = 0, cap;
    char **env;

    while (environ[n])
        n++;
    cap = n + n_env_edits + 1;
    env = calloc(cap, sizeof(*env));
    BUG_ON(!env);
    memcpy(env, environ, n * sizeof(*env));
    for (size_t e = 0; e < n_env_edits; e++) {
        const char *t = env_edits[e].text;
        size_t key = env_edits[e].unset ? strlen(t) : (size_t)(strchr(t, '=') - t);
        size_t j;
        for (j = 0; j < n; j++)
            if (!strncmp(env[j], t, key) && env[j][key] == '=')
                break;
        if (env_edits[e].unset) {
            if (j < n) {
                memmove(&env[j], &env[j + 1], (n - j) * sizeof(*env));
                n--;
            }
        } else {
            env[j] = env_edits[e].text;
            if (j == n)
                n++;
        }
    }
    env[n] = NULL;
    return env;
}

/* Open the -D file, "%d" replaced by the pid.  A guise that a guest
 * execve started again (the same pid, so the same name) appends to the
 * log rather than truncating what the program logged before the exec. */
static bool open_log(const char *pattern)
{
    char path[PATH_MAX], pid[16];
    const char *pct = strstr(pattern, "%d");

    snprintf(pid, sizeof(pid), "%d", (int)getpid());
    if (snprintf(path, sizeof(path), "%.*s%s%s", pct ? (int)(pct - pattern) : (int)strlen(pattern),
                 pattern, pct ? pid : "", pct ? pct + 2 : "") >= (int)sizeof(path)) {
        fprintf(stderr, "guise: log file name '%s' is too long\n", pattern);
        return false;
    }
    return log_set_file(path, log_append);
}

static void keep_options(char *self)
{
    if (log_filename && !log_append)
        carry(&(const OptDef){ .name = "log-append", .carry = true }, NULL);
    user_opts.guise_argv = calloc(n_carried + 2, sizeof(char *));
    BUG_ON(!user_opts.guise_argv);
    user_opts.guise_argv[0] = self;
    for (int i = 0; i < n_carried; i++)
        user_opts.guise_argv[i + 1] = carried[i];
    user_opts.guise_argc_opts = n_carried;
}

/* The persistent translation cache (translate/tcache.h), if -tc asks for
 * it and nothing rules it out: the interpreter, logs of the translation,
 * a setuid program.  The key: the options and CPU model that shape
 * translated code and the program file (tcache_open adds guise's build
 * and the host's CPU). */
static void tcache_start(int fd)
{
    const char *dir = user_opts.tcache_dir;
    char *def = NULL;
    struct stat st;
    uint64_t key;

    if (!dir || exec_opts.use_interp || getauxval(AT_SECURE) ||
        log_enabled(LOG_IN_ASM | LOG_OP | LOG_OP_OPT | LOG_OUT_ASM) || fstat(fd, &st) != 0)
        return;
    if (!strcmp(dir, "on")) {
        const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
        if (xdg && xdg[0] == '/' ? asprintf(&def, "%s/guise/tc", xdg) < 0
                                 : !home || asprintf(&def, "%s/.cache/guise/tc", home) < 0)
            return;
        dir = def;
    }
    uint64_t id[] = {
        exec_opts.max_insns,
        exec_opts.no_opt, exec_opts.no_chain, st.st_dev, st.st_ino, (uint64_t)st.st_size,
        (uint64_t)st.st_mtim.tv_sec, (uint64_t)st.st_mtim.tv_nsec,
    };
    key = tcache_hash(id, sizeof(id), tcache_hash(user_opts.cpu_model,
                                                  strlen(user_opts.cpu_model), 6));
    if (tcache_open(dir, key, mmap_code_attr, mmap_code_from_file))
        mmap_stable_addresses = true;
    free(def);
}

void user_exit(int status)
{
    tcache_save();
    fflush(NULL);
    _exit(status);
}

int main(int argc, char **argv)
{
    int first, fd;
    const char *prog;
    char **guest_argv;
    void *env;
    BinfmtCall binfmt;

    prefault_heap();
    user_opts.cpu_model = target_info.default_cpu;
    binfmt_detect(&binfmt);
    if (!binfmt.active) {
        first = parse_options(argc, argv);
    } else {
        if (!getauxval(AT_SECURE))
            parse_environment();
        if (argc < 2)
            usage_error("started by binfmt_misc without a program");
        first = 1;
        user_opts.binfmt = true;
    }
    log_mask = log_items | (user_opts.strace ? LOG_STRACE : 0);
    if (log_filename && !open_log(log_filename))
        exit(1);
    keep_options(argv[0]);

    prog = argv[first];
    fd = binfmt.execfd >= 0 ? binfmt.execfd : open(prog, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int err = errno;
        fprintf(stderr, "guise-%s: %s: %s\n", target_info.name, prog, strerror(err));
        exit(err == ENOENT || err == ENOTDIR ? 127 : 1);
    }
    guest_argv = binfmt.active ? binfmt_guest_argv(&binfmt, argc, argv) : argv + first;
    if (user_opts.argv0)
        guest_argv[0] = (char *)user_opts.argv0;

    exec_init(target_info.guest_arch);
    mmap_init();
    tcache_start(fd);
    if (!elf_load(prog, fd, guest_argv, guest_environment(), &guest_image))
        exit(1);
    close(fd);

    env = target_cpu_new(user_opts.cpu_model, guest_image.entry, guest_image.sp);
    exec_cpu_init(env);
    signal_init();
    syscall_init();
    target_info.cpu_loop(env);
    unreachable();
}
