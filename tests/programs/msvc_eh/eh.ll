; MSVC exception-handling test: exit code 0 when all ten cases pass, else bit (n-1) set for each failing case n.
; Cases: 1 catch(int); 2 catch by value (copy ctor, destructors); 3 unwind destructor in a middle frame;
; 4 rethrow; 5 try inside a catch block; 6 new exception thrown from a catch (old object destroyed);
; 7 first matching handler; 8 catch(...); 9 SEH __except around an access violation; 10 __finally during unwind.
target datalayout = "e-m:x-p:32:32-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:32-n8:16:32-a:0:32-S32"
target triple = "i686-pc-windows-msvc"

%TD3 = type { i8**, i8*, [3 x i8] }
%TD10 = type { i8**, i8*, [10 x i8] }
%CT = type { i32, i8*, i32, i32, i32, i32, i8* }
%CTA1 = type { i32, [1 x %CT*] }
%TI = type { i32, i8*, i8*, i8* }
%Obj = type { i32 }

@vt = global i8* null
@TD_int = linkonce_odr global %TD3 { i8** @vt, i8* null, [3 x i8] c".H\00" }
@TD_char = linkonce_odr global %TD3 { i8** @vt, i8* null, [3 x i8] c".D\00" }
@TD_Obj = linkonce_odr global %TD10 { i8** @vt, i8* null, [10 x i8] c".?AVObj@@\00" }
@CT_int = constant %CT { i32 1, i8* bitcast (%TD3* @TD_int to i8*), i32 0, i32 -1, i32 0, i32 4, i8* null }
@CTA_int = constant %CTA1 { i32 1, [1 x %CT*] [%CT* @CT_int] }
@TI_int = constant %TI { i32 0, i8* null, i8* null, i8* bitcast (%CTA1* @CTA_int to i8*) }
@CT_Obj = constant %CT { i32 0, i8* bitcast (%TD10* @TD_Obj to i8*), i32 0, i32 -1, i32 0, i32 4, i8* bitcast (%Obj* (%Obj*, %Obj*)* @Obj_copy to i8*) }
@CTA_Obj = constant %CTA1 { i32 1, [1 x %CT*] [%CT* @CT_Obj] }
@TI_Obj = constant %TI { i32 0, i8* bitcast (void (%Obj*)* @Obj_dtor to i8*), i8* null, i8* bitcast (%CTA1* @CTA_Obj to i8*) }

@copies = global i32 0
@dtors = global i32 0
@finran = global i32 0

declare x86_stdcallcc void @_CxxThrowException(i8*, %TI*)
declare i32 @__CxxFrameHandler3(...)
declare i32 @_except_handler3(...)
declare x86_stdcallcc void @ExitProcess(i32)

define x86_thiscallcc %Obj* @Obj_copy(%Obj* %this, %Obj* %src) {
  %c = load i32, i32* @copies
  %c1 = add i32 %c, 1
  store i32 %c1, i32* @copies
  %sp = getelementptr %Obj, %Obj* %src, i32 0, i32 0
  %v = load i32, i32* %sp
  %dp = getelementptr %Obj, %Obj* %this, i32 0, i32 0
  store i32 %v, i32* %dp
  ret %Obj* %this
}

define x86_thiscallcc void @Obj_dtor(%Obj* %this) {
  %c = load i32, i32* @dtors
  %c1 = add i32 %c, 1
  store i32 %c1, i32* @dtors
  ret void
}

define void @thrower(i32 %v) {
  %t = alloca i32
  store i32 %v, i32* %t
  %p = bitcast i32* %t to i8*
  call x86_stdcallcc void @_CxxThrowException(i8* %p, %TI* @TI_int)
  unreachable
}

define void @throwObj(i32 %v) {
  %t = alloca %Obj
  %f = getelementptr %Obj, %Obj* %t, i32 0, i32 0
  store i32 %v, i32* %f
  %p = bitcast %Obj* %t to i8*
  call x86_stdcallcc void @_CxxThrowException(i8* %p, %TI* @TI_Obj)
  unreachable
}

; 1: throw int, catch (int x)
define i32 @t1() personality i8* bitcast (i32 (...)* @__CxxFrameHandler3 to i8*) {
entry:
  %x = alloca i32
  %r = alloca i32
  store i32 0, i32* %r
  invoke void @thrower(i32 42) to label %unr unwind label %cd
cd:
  %cs = catchswitch within none [label %h] unwind to caller
h:
  %cp = catchpad within %cs [%TD3* @TD_int, i32 0, i32* %x]
  %v = load i32, i32* %x
  store i32 %v, i32* %r
  catchret from %cp to label %cont
cont:
  %rv = load i32, i32* %r
  %ok = icmp eq i32 %rv, 42
  %res = zext i1 %ok to i32
  ret i32 %res
unr:
  unreachable
}

; 2: throw Obj, catch (Obj e) by value: one copy, two destructions
define i32 @t2() personality i8* bitcast (i32 (...)* @__CxxFrameHandler3 to i8*) {
entry:
  %e = alloca %Obj
  %r = alloca i32
  store i32 0, i32* %r
  invoke void @throwObj(i32 7) to label %unr unwind label %cd
cd:
  %cs = catchswitch within none [label %h] unwind to caller
h:
  %cp = catchpad within %cs [%TD10* @TD_Obj, i32 0, %Obj* %e]
  %q = getelementptr %Obj, %Obj* %e, i32 0, i32 0
  %v = load i32, i32* %q
  store i32 %v, i32* %r
  call x86_thiscallcc void @Obj_dtor(%Obj* %e) [ "funclet"(token %cp) ]
  catchret from %cp to label %cont
cont:
  %rv = load i32, i32* %r
  %c = load i32, i32* @copies
  %d = load i32, i32* @dtors
  %a = icmp eq i32 %rv, 7
  %b = icmp eq i32 %c, 1
  %dd = icmp eq i32 %d, 2
  %ab = and i1 %a, %b
  %abd = and i1 %ab, %dd
  %res = zext i1 %abd to i32
  ret i32 %res
unr:
  unreachable
}

; 3: destructor of a local runs while unwinding through @middle
define void @middle() personality i8* bitcast (i32 (...)* @__CxxFrameHandler3 to i8*) {
entry:
  %o = alloca %Obj
  invoke void @thrower(i32 5) to label %ok unwind label %cl
cl:
  %c = cleanuppad within none []
  call x86_thiscallcc void @Obj_dtor(%Obj* %o) [ "funclet"(token %c) ]
  cleanupret from %c unwind to caller
ok:
  call x86_thiscallcc void @Obj_dtor(%Obj* %o)
  ret void
}

define i32 @t3() personality i8* bitcast (i32 (...)* @__CxxFrameHandler3 to i8*) {
entry:
  %x = alloca i32
  %r = alloca i32
  store i32 0, i32* %r
  store i32 0, i32* @dtors
  invoke void @middle() to label %unr unwind label %cd
cd:
  %cs = catchswitch within none [label %h] unwind to caller
h:
  %cp = catchpad within %cs [%TD3* @TD_int, i32 0, i32* %x]
  %v = load i32, i32* %x
  store i32 %v, i32* %r
  catchret from %cp to label %cont
cont:
  %rv = load i32, i32* %r
  %d = load i32, i32* @dtors
  %a = icmp eq i32 %rv, 5
  %b = icmp eq i32 %d, 1
  %ab = and i1 %a, %b
  %res = zext i1 %ab to i32
  ret i32 %res
unr:
  unreachable
}

; 4: rethrow (throw;) from a catch block reaches the caller's catch
define void @rethrower() personality i8* bitcast (i32 (...)* @__CxxFrameHandler3 to i8*) {
entry:
  %x = alloca i32
  invoke void @thrower(i32 9) to label %unr unwind label %cd
cd:
  %cs = catchswitch within none [label %h] unwind to caller
h:
  %cp = catchpad within %cs [%TD3* @TD_int, i32 0, i32* %x]
  call x86_stdcallcc void @_CxxThrowException(i8* null, %TI* null) [ "funclet"(token %cp) ]
  unreachable
unr:
  unreachable
}

define i32 @t4() personality i8* bitcast (i32 (...)* @__CxxFrameHandler3 to i8*) {
entry:
  %x = alloca i32
  %r = alloca i32
  store i32 0, i32* %r
  invoke void @rethrower() to label %unr unwind label %cd
cd:
  %cs = catchswitch within none [label %h] unwind to caller
h:
  %cp = catchpad within %cs [%TD3* @TD_int, i32 0, i32* %x]
  %v = load i32, i32* %x
  store i32 %v, i32* %r
  catchret from %cp to label %cont
cont:
  %rv = load i32, i32* %r
  %ok = icmp eq i32 %rv, 9
  %res = zext i1 %ok to i32
  ret i32 %res
unr:
  unreachable
}

; 5: a try block inside a catch block of the same function
define i32 @t5() personality i8* bitcast (i32 (...)* @__CxxFrameHandler3 to i8*) {
entry:
  %x = alloca i32
  %y = alloca i32
  %r = alloca i32
  store i32 0, i32* %r
  invoke void @thrower(i32 1) to label %unr unwind label %cd1
cd1:
  %cs1 = catchswitch within none [label %h1] unwind to caller
h1:
  %cp1 = catchpad within %cs1 [%TD3* @TD_int, i32 0, i32* %x]
  invoke void @thrower(i32 2) [ "funclet"(token %cp1) ] to label %unr2 unwind label %cd2
cd2:
  %cs2 = catchswitch within %cp1 [label %h2] unwind to caller
h2:
  %cp2 = catchpad within %cs2 [%TD3* @TD_int, i32 0, i32* %y]
  %xv = load i32, i32* %x
  %yv = load i32, i32* %y
  %x10 = mul i32 %xv, 10
  %s = add i32 %x10, %yv
  store i32 %s, i32* %r
  catchret from %cp2 to label %after
after:
  %r1 = load i32, i32* %r
  %r2 = add i32 %r1, 100
  store i32 %r2, i32* %r
  catchret from %cp1 to label %cont
cont:
  %rv = load i32, i32* %r
  %ok = icmp eq i32 %rv, 112
  %res = zext i1 %ok to i32
  ret i32 %res
unr:
  unreachable
unr2:
  unreachable
}

; 6: a new exception thrown from a catch block (by reference) is caught by the caller; the old object is destroyed
define void @thrownew() personality i8* bitcast (i32 (...)* @__CxxFrameHandler3 to i8*) {
entry:
  %e = alloca %Obj*
  invoke void @throwObj(i32 3) to label %unr unwind label %cd
cd:
  %cs = catchswitch within none [label %h] unwind to caller
h:
  %cp = catchpad within %cs [%TD10* @TD_Obj, i32 8, %Obj** %e]
  %pe = load %Obj*, %Obj** %e
  %f = getelementptr %Obj, %Obj* %pe, i32 0, i32 0
  %v = load i32, i32* %f
  %v4 = add i32 %v, 1
  call void @thrower(i32 %v4) [ "funclet"(token %cp) ]
  unreachable
unr:
  unreachable
}

define i32 @t6() personality i8* bitcast (i32 (...)* @__CxxFrameHandler3 to i8*) {
entry:
  %x = alloca i32
  %r = alloca i32
  store i32 0, i32* %r
  store i32 0, i32* @dtors
  store i32 0, i32* @copies
  invoke void @thrownew() to label %unr unwind label %cd
cd:
  %cs = catchswitch within none [label %h] unwind to caller
h:
  %cp = catchpad within %cs [%TD3* @TD_int, i32 0, i32* %x]
  %v = load i32, i32* %x
  store i32 %v, i32* %r
  catchret from %cp to label %cont
cont:
  %rv = load i32, i32* %r
  %d = load i32, i32* @dtors
  %c = load i32, i32* @copies
  %a = icmp eq i32 %rv, 4
  %b = icmp eq i32 %d, 1
  %cc = icmp eq i32 %c, 0
  %ab = and i1 %a, %b
  %abc = and i1 %ab, %cc
  %res = zext i1 %abc to i32
  ret i32 %res
unr:
  unreachable
}

; 7: catch (...) ; 8: the first matching handler of several
define i32 @t7() personality i8* bitcast (i32 (...)* @__CxxFrameHandler3 to i8*) {
entry:
  %c = alloca i8
  %x = alloca i32
  %r = alloca i32
  store i32 0, i32* %r
  invoke void @thrower(i32 3) to label %unr unwind label %cd
cd:
  %cs = catchswitch within none [label %hc, label %hi, label %hall] unwind to caller
hc:
  %cp1 = catchpad within %cs [%TD3* @TD_char, i32 0, i8* %c]
  store i32 1, i32* %r
  catchret from %cp1 to label %cont
hi:
  %cp2 = catchpad within %cs [%TD3* @TD_int, i32 0, i32* %x]
  store i32 2, i32* %r
  catchret from %cp2 to label %cont
hall:
  %cp3 = catchpad within %cs [i8* null, i32 64, i8* null]
  store i32 3, i32* %r
  catchret from %cp3 to label %cont
cont:
  %rv = load i32, i32* %r
  %ok = icmp eq i32 %rv, 2
  %res = zext i1 %ok to i32
  ret i32 %res
unr:
  unreachable
}

define i32 @t8() personality i8* bitcast (i32 (...)* @__CxxFrameHandler3 to i8*) {
entry:
  %c = alloca i8
  %r = alloca i32
  store i32 0, i32* %r
  invoke void @throwObj(i32 3) to label %unr unwind label %cd
cd:
  %cs = catchswitch within none [label %hc, label %hall] unwind to caller
hc:
  %cp1 = catchpad within %cs [%TD3* @TD_char, i32 0, i8* %c]
  store i32 1, i32* %r
  catchret from %cp1 to label %cont
hall:
  %cp3 = catchpad within %cs [i8* null, i32 64, i8* null]
  store i32 3, i32* %r
  catchret from %cp3 to label %cont
cont:
  %rv = load i32, i32* %r
  %ok = icmp eq i32 %rv, 3
  %res = zext i1 %ok to i32
  ret i32 %res
unr:
  unreachable
}

; 9: SEH __try/__except around an access violation; 10: __finally runs during the unwind
define void @crash() {
  store volatile i32 1, i32* inttoptr (i32 16 to i32*)
  ret void
}

define internal i32 @filt() {
  ret i32 1
}

define void @fin() personality i8* bitcast (i32 (...)* @_except_handler3 to i8*) {
entry:
  invoke void @crash() to label %ok unwind label %cl
cl:
  %c = cleanuppad within none []
  store i32 1, i32* @finran
  cleanupret from %c unwind to caller
ok:
  ret void
}

define i32 @t9() personality i8* bitcast (i32 (...)* @_except_handler3 to i8*) {
entry:
  invoke void @crash() to label %ok unwind label %cd
cd:
  %cs = catchswitch within none [label %h] unwind to caller
h:
  %p = catchpad within %cs [i8* bitcast (i32 ()* @filt to i8*)]
  catchret from %p to label %exc
exc:
  ret i32 1
ok:
  ret i32 0
}

define i32 @t10() personality i8* bitcast (i32 (...)* @_except_handler3 to i8*) {
entry:
  store i32 0, i32* @finran
  invoke void @fin() to label %ok unwind label %cd
cd:
  %cs = catchswitch within none [label %h] unwind to caller
h:
  %p = catchpad within %cs [i8* bitcast (i32 ()* @filt to i8*)]
  catchret from %p to label %exc
exc:
  %f = load i32, i32* @finran
  ret i32 %f
ok:
  ret i32 0
}

define void @start() {
  %r1 = call i32 @t1()
  %r2 = call i32 @t2()
  %r3 = call i32 @t3()
  %r4 = call i32 @t4()
  %r5 = call i32 @t5()
  %r6 = call i32 @t6()
  %r7 = call i32 @t7()
  %r8 = call i32 @t8()
  %r9 = call i32 @t9()
  %r10 = call i32 @t10()
  %s2 = shl i32 %r2, 1
  %s3 = shl i32 %r3, 2
  %s4 = shl i32 %r4, 3
  %s5 = shl i32 %r5, 4
  %s6 = shl i32 %r6, 5
  %s7 = shl i32 %r7, 6
  %s8 = shl i32 %r8, 7
  %s9 = shl i32 %r9, 8
  %s10 = shl i32 %r10, 9
  %a1 = or i32 %r1, %s2
  %a2 = or i32 %a1, %s3
  %a3 = or i32 %a2, %s4
  %a4 = or i32 %a3, %s5
  %a5 = or i32 %a4, %s6
  %a6 = or i32 %a5, %s7
  %a7 = or i32 %a6, %s8
  %a8 = or i32 %a7, %s9
  %a9 = or i32 %a8, %s10
  %fail = xor i32 %a9, 1023
  call x86_stdcallcc void @ExitProcess(i32 %fail)
  unreachable
}
