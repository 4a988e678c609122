/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A small stack-machine bytecode interpreter, dispatched two ways: a dense
 * switch (compiled to a jump table: load from a table, BR) and GNU
 * computed gotos through a table of label addresses (one indirect BR per
 * opcode, many distinct indirect branch sites).  Both run the same
 * programs (Collatz step counts, primes by trial division in a called
 * subroutine, a shift/xor mix), built by a tiny label assembler, and must
 * agree; the results are printed.
 */
#include <stdint.h>
#include <stdio.h>

enum {
    OP_HALT, OP_PUSH, OP_POP, OP_DUP, OP_SWAP, OP_OVER, OP_ADD, OP_SUB,
    OP_MUL, OP_DIV, OP_MOD, OP_AND, OP_OR, OP_XOR, OP_SHL, OP_SHR, OP_LT,
    OP_EQ, OP_NOT, OP_JMP, OP_JZ, OP_JNZ, OP_LOAD, OP_STORE, OP_INC,
    OP_CALL, OP_RET, OP_OUT, OP_NOP, OP_COUNT
};

#define STACK 256
#define NVARS 16

typedef struct Vm {
    int64_t stack[STACK];
    int64_t vars[NVARS];
    int rstack[STACK];
    int64_t out_sum;
    unsigned out_count;
    uint64_t steps;
} Vm;

static void vm_reset(Vm *vm)
{
    for (int i = 0; i < NVARS; i++)
        vm->vars[i] = 0;
    vm->out_sum = 0;
    vm->out_count = 0;
    vm->steps = 0;
}

static void run_switch(Vm *vm, const int64_t *code)
{
    int pc = 0, sp = 0, rsp = 0;
    int64_t *s = vm->stack, a;
    for (;;) {
        vm->steps++;
        switch ((int)code[pc++]) {
        case OP_HALT: return;
        case OP_PUSH: s[sp++] = code[pc++]; break;
        case OP_POP: sp--; break;
        case OP_DUP: s[sp] = s[sp - 1]; sp++; break;
        case OP_SWAP: a = s[sp - 1]; s[sp - 1] = s[sp - 2]; s[sp - 2] = a; break;
        case OP_OVER: s[sp] = s[sp - 2]; sp++; break;
        case OP_ADD: sp--; s[sp - 1] += s[sp]; break;
        case OP_SUB: sp--; s[sp - 1] -= s[sp]; break;
        case OP_MUL: sp--; s[sp - 1] *= s[sp]; break;
        case OP_DIV: sp--; s[sp - 1] /= s[sp]; break;
        case OP_MOD: sp--; s[sp - 1] %= s[sp]; break;
        case OP_AND: sp--; s[sp - 1] &= s[sp]; break;
        case OP_OR: sp--; s[sp - 1] |= s[sp]; break;
        case OP_XOR: sp--; s[sp - 1] ^= s[sp]; break;
        case OP_SHL: sp--; s[sp - 1] <<= s[sp]; break;
        case OP_SHR: sp--; s[sp - 1] >>= s[sp]; break;
        case OP_LT: sp--; s[sp - 1] = s[sp - 1] < s[sp]; break;
        case OP_EQ: sp--; s[sp - 1] = s[sp - 1] == s[sp]; break;
        case OP_NOT: s[sp - 1] = !s[sp - 1]; break;
        case OP_JMP: pc = (int)code[pc]; break;
        case OP_JZ: pc = s[--sp] ? pc + 1 : (int)code[pc]; break;
        case OP_JNZ: pc = s[--sp] ? (int)code[pc] : pc + 1; break;
        case OP_LOAD: s[sp++] = vm->vars[code[pc++]]; break;
        case OP_STORE: vm->vars[code[pc++]] = s[--sp]; break;
        case OP_INC: vm->vars[code[pc++]]++; break;
        case OP_CALL: vm->rstack[rsp++] = pc + 1; pc = (int)code[pc]; break;
        case OP_RET: pc = vm->rstack[--rsp]; break;
        case OP_OUT: vm->out_sum = vm->out_sum * 31 + s[--sp]; vm->out_count++; break;
        case OP_NOP: break;
        default: printf("bad opcode\n"); return;
        }
    }
}

static void run_threaded(Vm *vm, const int64_t *code)
{
    static const void *const labels[OP_COUNT] = {
        &&l_halt, &&l_push, &&l_pop, &&l_dup, &&l_swap, &&l_over, &&l_add,
        &&l_sub, &&l_mul, &&l_div, &&l_mod, &&l_and, &&l_or, &&l_xor,
        &&l_shl, &&l_shr, &&l_lt, &&l_eq, &&l_not, &&l_jmp, &&l_jz, &&l_jnz,
        &&l_load, &&l_store, &&l_inc, &&l_call, &&l_ret, &&l_out, &&l_nop,
    };
    int pc = 0, sp = 0, rsp = 0;
    int64_t *s = vm->stack, a;
#define NEXT do { vm->steps++; goto *labels[code[pc++]]; } while (0)
    NEXT;
l_halt: return;
l_push: s[sp++] = code[pc++]; NEXT;
l_pop: sp--; NEXT;
l_dup: s[sp] = s[sp - 1]; sp++; NEXT;
l_swap: a = s[sp - 1]; s[sp - 1] = s[sp - 2]; s[sp - 2] = a; NEXT;
l_over: s[sp] = s[sp - 2]; sp++; NEXT;
l_add: sp--; s[sp - 1] += s[sp]; NEXT;
l_sub: sp--; s[sp - 1] -= s[sp]; NEXT;
l_mul: sp--; s[sp - 1] *= s[sp]; NEXT;
l_div: sp--; s[sp - 1] /= s[sp]; NEXT;
l_mod: sp--; s[sp - 1] %= s[sp]; NEXT;
l_and: sp--; s[sp - 1] &= s[sp]; NEXT;
l_or: sp--; s[sp - 1] |= s[sp]; NEXT;
l_xor: sp--; s[sp - 1] ^= s[sp]; NEXT;
l_shl: sp--; s[sp - 1] <<= s[sp]; NEXT;
l_shr: sp--; s[sp - 1] >>= s[sp]; NEXT;
l_lt: sp--; s[sp - 1] = s[sp - 1] < s[sp]; NEXT;
l_eq: sp--; s[sp - 1] = s[sp - 1] == s[sp]; NEXT;
l_not: s[sp - 1] = !s[sp - 1]; NEXT;
l_jmp: pc = (int)code[pc]; NEXT;
l_jz: pc = s[--sp] ? pc + 1 : (int)code[pc]; NEXT;
l_jnz: pc = s[--sp] ? (int)code[pc] : pc + 1; NEXT;
l_load: s[sp++] = vm->vars[code[pc++]]; NEXT;
l_store: vm->vars[code[pc++]] = s[--sp]; NEXT;
l_inc: vm->vars[code[pc++]]++; NEXT;
l_call: vm->rstack[rsp++] = pc + 1; pc = (int)code[pc]; NEXT;
l_ret: pc = vm->rstack[--rsp]; NEXT;
l_out: vm->out_sum = vm->out_sum * 31 + s[--sp]; vm->out_count++; NEXT;
l_nop: NEXT;
#undef NEXT
}

/* A tiny assembler: programs are built at start-up with symbolic labels. */
#define CODE_MAX 512
#define LABEL_MAX 16

typedef struct Asm {
    int64_t code[CODE_MAX];
    int len;
    int label_at[LABEL_MAX];
    int fixup_at[CODE_MAX], fixup_label[CODE_MAX], nfixups;
} Asm;

static void asm_op(Asm *a, int64_t op)
{
    a->code[a->len++] = op;
}

static void asm_op1(Asm *a, int64_t op, int64_t arg)
{
    asm_op(a, op);
    asm_op(a, arg);
}

static void asm_label(Asm *a, int label)
{
    a->label_at[label] = a->len;
}

static void asm_jump(Asm *a, int64_t op, int label)
{
    asm_op(a, op);
    a->fixup_at[a->nfixups] = a->len;
    a->fixup_label[a->nfixups++] = label;
    asm_op(a, 0);
}

static const int64_t *asm_finish(Asm *a)
{
    for (int i = 0; i < a->nfixups; i++)
        a->code[a->fixup_at[i]] = a->label_at[a->fixup_label[i]];
    return a->code;
}

/* vars: 0 n, 1 x, 2 steps.  OUT the Collatz step count of n = 1..N-1. */
static const int64_t *build_collatz(Asm *a, int64_t limit)
{
    enum { L_OUTER, L_INNER, L_EVEN, L_STORE, L_DONE_N, L_END };
    asm_op1(a, OP_PUSH, 1);
    asm_op1(a, OP_STORE, 0);
    asm_label(a, L_OUTER);
    asm_op1(a, OP_LOAD, 0);
    asm_op1(a, OP_PUSH, limit);
    asm_op(a, OP_LT);
    asm_jump(a, OP_JZ, L_END);
    asm_op1(a, OP_LOAD, 0);
    asm_op1(a, OP_STORE, 1);
    asm_op1(a, OP_PUSH, 0);
    asm_op1(a, OP_STORE, 2);
    asm_label(a, L_INNER);
    asm_op1(a, OP_LOAD, 1);
    asm_op1(a, OP_PUSH, 1);
    asm_op(a, OP_EQ);
    asm_jump(a, OP_JNZ, L_DONE_N);
    asm_op1(a, OP_INC, 2);
    asm_op1(a, OP_LOAD, 1);
    asm_op1(a, OP_PUSH, 1);
    asm_op(a, OP_AND);
    asm_jump(a, OP_JZ, L_EVEN);
    asm_op1(a, OP_LOAD, 1);
    asm_op1(a, OP_PUSH, 3);
    asm_op(a, OP_MUL);
    asm_op1(a, OP_PUSH, 1);
    asm_op(a, OP_ADD);
    asm_jump(a, OP_JMP, L_STORE);
    asm_label(a, L_EVEN);
    asm_op1(a, OP_LOAD, 1);
    asm_op1(a, OP_PUSH, 2);
    asm_op(a, OP_DIV);
    asm_label(a, L_STORE);
    asm_op1(a, OP_STORE, 1);
    asm_jump(a, OP_JMP, L_INNER);
    asm_label(a, L_DONE_N);
    asm_op1(a, OP_LOAD, 2);
    asm_op(a, OP_OUT);
    asm_op1(a, OP_INC, 0);
    asm_jump(a, OP_JMP, L_OUTER);
    asm_label(a, L_END);
    asm_op(a, OP_HALT);
    return asm_finish(a);
}

/* vars: 0 n, 3 count, 4 flag, 5 d.  Count primes below limit by trial
 * division in a CALLed subroutine; OUT each prime and the count. */
static const int64_t *build_primes(Asm *a, int64_t limit)
{
    enum { L_LOOP, L_NEXT, L_END, L_ISPRIME, L_TRY, L_COMPOSITE, L_PRIME };
    asm_op1(a, OP_PUSH, 2);
    asm_op1(a, OP_STORE, 0);
    asm_label(a, L_LOOP);
    asm_op1(a, OP_LOAD, 0);
    asm_op1(a, OP_PUSH, limit);
    asm_op(a, OP_LT);
    asm_jump(a, OP_JZ, L_END);
    asm_jump(a, OP_CALL, L_ISPRIME);
    asm_op1(a, OP_LOAD, 4);
    asm_jump(a, OP_JZ, L_NEXT);
    asm_op1(a, OP_INC, 3);
    asm_op1(a, OP_LOAD, 0);
    asm_op(a, OP_OUT);
    asm_label(a, L_NEXT);
    asm_op1(a, OP_INC, 0);
    asm_jump(a, OP_JMP, L_LOOP);
    asm_label(a, L_END);
    asm_op1(a, OP_LOAD, 3);
    asm_op(a, OP_OUT);
    asm_op(a, OP_HALT);

    asm_label(a, L_ISPRIME);
    asm_op1(a, OP_PUSH, 2);
    asm_op1(a, OP_STORE, 5);
    asm_label(a, L_TRY);
    asm_op1(a, OP_LOAD, 5);              /* d * d > n: prime */
    asm_op(a, OP_DUP);
    asm_op(a, OP_MUL);
    asm_op1(a, OP_LOAD, 0);
    asm_op(a, OP_SWAP);
    asm_op(a, OP_LT);
    asm_jump(a, OP_JNZ, L_PRIME);
    asm_op1(a, OP_LOAD, 0);
    asm_op1(a, OP_LOAD, 5);
    asm_op(a, OP_MOD);
    asm_jump(a, OP_JZ, L_COMPOSITE);
    asm_op1(a, OP_INC, 5);
    asm_jump(a, OP_JMP, L_TRY);
    asm_label(a, L_COMPOSITE);
    asm_op1(a, OP_PUSH, 0);
    asm_op1(a, OP_STORE, 4);
    asm_op(a, OP_RET);
    asm_label(a, L_PRIME);
    asm_op1(a, OP_PUSH, 1);
    asm_op1(a, OP_STORE, 4);
    asm_op(a, OP_RET);
    return asm_finish(a);
}

/* vars: 0 i, 1 x.  x = ((x << 5) ^ (x >> 3) ^ i) & 0xffffff; OUT x. */
static const int64_t *build_mix(Asm *a, int64_t rounds)
{
    enum { L_LOOP, L_END };
    asm_op1(a, OP_PUSH, 12345);
    asm_op1(a, OP_STORE, 1);
    asm_label(a, L_LOOP);
    asm_op1(a, OP_LOAD, 0);
    asm_op1(a, OP_PUSH, rounds);
    asm_op(a, OP_LT);
    asm_jump(a, OP_JZ, L_END);
    asm_op1(a, OP_LOAD, 1);
    asm_op1(a, OP_PUSH, 5);
    asm_op(a, OP_SHL);
    asm_op1(a, OP_LOAD, 1);
    asm_op1(a, OP_PUSH, 3);
    asm_op(a, OP_SHR);
    asm_op(a, OP_XOR);
    asm_op1(a, OP_LOAD, 0);
    asm_op(a, OP_XOR);
    asm_op1(a, OP_PUSH, 0xffffff);
    asm_op(a, OP_AND);
    asm_op(a, OP_DUP);
    asm_op1(a, OP_STORE, 1);
    asm_op(a, OP_OUT);
    asm_op1(a, OP_INC, 0);
    asm_op(a, OP_NOP);
    asm_jump(a, OP_JMP, L_LOOP);
    asm_label(a, L_END);
    asm_op(a, OP_HALT);
    return asm_finish(a);
}

static void run_both(const char *name, const int64_t *code)
{
    static Vm a, b;
    vm_reset(&a);
    vm_reset(&b);
    run_switch(&a, code);
    run_threaded(&b, code);
    printf("%s: switch out %u sum %lld steps %llu; threaded %s\n", name,
           a.out_count, (long long)a.out_sum, (unsigned long long)a.steps,
           a.out_sum == b.out_sum && a.steps == b.steps &&
           a.out_count == b.out_count ? "agrees" : "DIFFERS");
}

int main(void)
{
    static Asm a1, a2, a3;
    run_both("collatz", build_collatz(&a1, 3000));
    run_both("primes", build_primes(&a2, 5000));
    run_both("mix", build_mix(&a3, 20000));
    return 0;
}
